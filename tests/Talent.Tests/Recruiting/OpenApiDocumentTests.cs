using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Talent.Server.Api;

namespace Talent.Tests.Recruiting;

/// <summary>
/// The OpenAPI document as a client generator reads it (parsed with Microsoft.OpenApi): every route, each with every
/// query and path parameter its handler reads and its body, and the X-Api-Key scheme.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Every_route_lists_its_parameters_and_the_api_key_scheme_is_declared()
    {
        await using var host = await TalentTestHost.StartAsync();
        var json = await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var read = OpenApiDocument.Parse(json, "json");
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var document = read.Document!; // Parse returns a document when there are no errors
        var scheme = Assert.Contains(OpenApiSecurity.SchemeName, document.Components!.SecuritySchemes!);
        Assert.Equal(SecuritySchemeType.ApiKey, scheme.Type);
        Assert.Equal(ParameterLocation.Header, scheme.In);
        Assert.Equal("X-Api-Key", scheme.Name);
        Assert.NotEmpty(document.Security!);

        var endpoints = host.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/').Replace(":long", "", StringComparison.Ordinal);
            Assert.True(document.Paths.TryGetValue(path, out var item), $"{path} is not in the document");
            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Single();
            var operation = item!.Operations!.Single(o => string.Equals(o.Key.Method, method, StringComparison.OrdinalIgnoreCase)).Value;
            var listed = (operation.Parameters ?? []).Select(p => (p.Name, p.In)).ToHashSet();
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                Assert.Contains((parameter.Name, (ParameterLocation?)ParameterLocation.Path), listed);
            }

            foreach (var name in QueryParameters(endpoint))
            {
                Assert.True(listed.Contains((name, ParameterLocation.Query)), $"{method} {path}: query parameter '{name}' is not in the document");
            }

            if (method is "POST" && endpoint.RoutePattern.RawText!.Contains("documents", StringComparison.Ordinal))
            {
                Assert.True(operation.RequestBody?.Content?.ContainsKey("application/json"), $"{path}: no JSON body");
            }
        }

        var search = document.Paths["/api/search"]!.Operations!.Single().Value.Parameters!.Select(p => p.Name).ToHashSet();
        Assert.Superset(SearchParameters.Names.ToHashSet(), search!);
    }

    /// <summary>The query parameters the handler declares, its own and those of an <c>[AsParameters]</c> type.</summary>
    private static IEnumerable<string> QueryParameters(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            yield break;
        }

        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties())
                {
                    if (property.GetCustomAttribute<FromQueryAttribute>() is { } inner)
                    {
                        yield return inner.Name ?? property.Name;
                    }
                }
            }
            else if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery)
            {
                yield return fromQuery.Name ?? parameter.Name!;
            }
            else if (parameter.ParameterType == typeof(int?) || parameter.ParameterType == typeof(string))
            {
                // A simple parameter not in the route is bound from the query string.
                if (!endpoint.RoutePattern.Parameters.Any(p => p.Name == parameter.Name))
                {
                    yield return parameter.Name!;
                }
            }
        }
    }
}
