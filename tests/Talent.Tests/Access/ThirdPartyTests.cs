using MassTransit;
using Microsoft.Extensions.Options;

namespace Talent.Tests.Access;

/// <summary>Talent holds personal data on its owner's machines and reports nothing to anybody else.</summary>
public sealed class ThirdPartyTests
{
    [Fact]
    public async Task The_bus_sends_no_usage_report_to_its_vendor()
    {
        await using var host = await TalentTestHost.StartAsync();

        Assert.False(host.Get<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
