using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Talent.Server.Api;

/// <summary>
/// A request the endpoints cannot bind (a body that is not JSON or not the JSON an endpoint takes, a number parameter
/// given letters, a body over the size limit) is answered with a problem-details response that says what was wrong, in
/// one sentence, with the status the framework chose (400, 413). Minimal APIs throw such requests
/// (<see cref="Microsoft.AspNetCore.Routing.RouteHandlerOptions.ThrowOnBadRequest"/>) so they reach this handler; it writes nothing for any other
/// failure, which stays a 500.
/// </summary>
internal sealed class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Detail = Detail(bad) },
        });
    }

    /// <summary>The framework's sentence; for a body that is not the JSON expected, the JSON reader's reason and where.</summary>
    internal static string Detail(BadHttpRequestException bad)
    {
        var what = bad.Message.Trim();
        if (bad.InnerException is not JsonException json)
        {
            return what;
        }

        var where = json.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
        var line = json.LineNumber is { } number ? $" (line {number + 1}, byte {json.BytePositionInLine + 1})" : string.Empty;
        return $"The request body is not the JSON this endpoint takes: {Reason(json)}{where}{line}.";
    }

    /// <summary>The JSON reader's reason without its own position (given apart) and without .NET type names.</summary>
    private static string Reason(JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = (cut >= 0 ? message[..cut] : message).Trim().TrimEnd('.');
        return message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal)
            ? "a value has the wrong type"
            : message;
    }
}
