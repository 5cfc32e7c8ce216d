using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Talent.Server.Api;

/// <summary>
/// Declares the <c>X-Api-Key</c> header in the OpenAPI document and requires it on every operation, so a client
/// generated from the document sends the key.
/// </summary>
internal static class OpenApiSecurity
{
    public const string SchemeName = "ApiKey";

    public static void Configure(OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key made with `talent admin keys create`; requests from this machine to a loopback-only service need none.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
            return Task.CompletedTask;
        });
}
