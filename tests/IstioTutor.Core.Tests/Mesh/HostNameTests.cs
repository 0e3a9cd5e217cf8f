using IstioTutor.Mesh;
using IstioTutor.Mesh.Model;

namespace IstioTutor.Core.Tests.Mesh;

public sealed class HostNameTests
{
    [Theory]
    [InlineData("reviews", "reviews.learn-alice.svc.cluster.local")]
    [InlineData("httpbin.org", "httpbin.org")]
    [InlineData("reviews.other", "reviews.other")]
    [InlineData("reviews.other.svc.cluster.local", "reviews.other.svc.cluster.local")]
    [InlineData("*", "*")]
    [InlineData("*.example.com", "*.example.com")]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("::1", "::1")]
    public void A_config_host_is_qualified_only_when_it_has_no_dot(string host, string expected)
    {
        Assert.Equal(expected, HostName.Resolve(host, "learn-alice"));
    }

    [Fact]
    public void A_client_tries_its_DNS_search_path_before_the_name_as_written()
    {
        Assert.Equal(
            ["reviews.other.learn-alice.svc.cluster.local", "reviews.other.svc.cluster.local", "reviews.other.cluster.local", "reviews.other"],
            HostName.ClientCandidates("reviews.other", "learn-alice"));
    }

    [Fact]
    public void A_client_host_ending_in_a_dot_is_absolute()
    {
        Assert.Equal(["httpbin.org"], HostName.ClientCandidates("httpbin.org.", "learn-alice"));
    }
}
