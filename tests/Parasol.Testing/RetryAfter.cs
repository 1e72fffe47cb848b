using System.Net;
using Xunit;

namespace Parasol.Testing;

/// <summary>The wait a refused attempt's answer gives: status 429 with <c>Retry-After</c> in seconds.</summary>
public static class RetryAfter
{
    /// <summary>
    /// The whole minutes the page should name: the answer is a 429 whose <c>Retry-After</c> is at most the limit's
    /// <paramref name="window"/> (the seconds until the current window ends), rounded up.
    /// </summary>
    public static int Minutes(HttpResponseMessage response, TimeSpan window)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var wait = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("The 429 answer has no Retry-After in seconds.");
        Assert.InRange(wait, TimeSpan.FromSeconds(1), window);
        return (int)Math.Ceiling(wait.TotalMinutes);
    }
}
