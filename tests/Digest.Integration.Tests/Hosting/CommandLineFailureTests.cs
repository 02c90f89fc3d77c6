using System.Net;
using System.Net.Sockets;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Hosting;

/// <summary>A bad port or a bad setting ends <c>digest run</c> (a child process) with one line naming it, never a stack trace.</summary>
public sealed class CommandLineFailureTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_on_a_port_that_is_taken_ends_with_one_line_naming_the_address_before_anything_else_runs()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";
        var settings = TestApp.Telegram(telegram.BaseUrl);
        settings["Urls"] = url;

        var (exit, lines) = await RunAsync(dir, settings);

        Assert.Equal(3, exit);
        Assert.Equal([$"digest: cannot listen on {url}: address already in use (set Urls or DIGEST__URLS to another port)"], lines);
        // The web server is the first thing to start: the bot never began polling.
        Assert.Equal(0, telegram.Calls("getUpdates") + telegram.Calls("setMyCommands"));
    }

    [Fact]
    public async Task A_per_chat_limit_of_zero_is_refused_in_one_line_naming_its_key()
    {
        using var dir = new TestDirectory();

        var (exit, lines) = await RunAsync(dir, new() { ["Delivery:Limits:telegram:PerChatPerSecond"] = "0" });

        Assert.Equal(3, exit);
        Assert.Equal(["digest: configuration: Delivery:Limits:telegram:PerChatPerSecond: The field PerChatPerSecond must be between 0.001 and 10000."], lines);
    }

    [Theory]
    [InlineData("Feeds:PerHost", "0", "The field PerHost must be between 1 and 16.")]
    [InlineData("Feeds:MaxConcurrency", "300", "The field MaxConcurrency must be between 1 and 256.")]
    public async Task A_collect_pace_out_of_range_is_refused_in_one_line_naming_its_key(string key, string value, string message)
    {
        using var dir = new TestDirectory();

        var (exit, lines) = await RunAsync(dir, new() { [key] = value });

        Assert.Equal(3, exit);
        Assert.Equal([$"digest: configuration: {key}: {message}"], lines);
    }

    [Fact]
    public async Task A_lease_no_longer_than_the_send_timeout_is_refused_in_one_line_naming_its_key()
    {
        using var dir = new TestDirectory();

        var (exit, lines) = await RunAsync(dir, new() { ["Delivery:Lease"] = "00:00:20", ["Delivery:SendTimeout"] = "00:00:20" });

        Assert.Equal(3, exit);
        var line = Assert.Single(lines);
        Assert.StartsWith("digest: configuration: Delivery:Lease: must be longer than Delivery:SendTimeout", line, StringComparison.Ordinal);
    }

    /// <summary><c>digest run</c> with its own database, no collect on start, and <paramref name="settings"/>; its exit code and output lines.</summary>
    private static async Task<(int Exit, string[] Lines)> RunAsync(TestDirectory dir, Dictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string>();
        DigestProcess.Add(environment, new Dictionary<string, string?>
        {
            ["Storage:Path"] = dir.DatabasePath,
            ["Urls"] = "http://127.0.0.1:0",
            ["Schedule:CollectOnStart"] = "false",
        });
        DigestProcess.Add(environment, settings);
        using var run = DigestProcess.Start(dir.Path, environment, "run");
        var exit = await run.WaitForExitAsync(RunLimit);
        return (exit, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
