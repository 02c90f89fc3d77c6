using Digest.Bench;

var scenario = args.FirstOrDefault() ?? "all";
var options = args.Skip(1).ToArray();
switch (scenario)
{
    case "collect":
        await CollectBenchmark.RunAsync(options);
        break;
    case "chat":
        await ChatBenchmark.RunAsync(options);
        break;
    case "idle":
        await IdleBenchmark.RunAsync(options);
        break;
    case "phases":
        await PhasesBenchmark.RunAsync(options);
        break;
    case "generate":
        await GenerateBenchmark.RunAsync(options);
        break;
    case "assess":
        await AssessBenchmark.RunAsync(options);
        break;
    case "fanout":
        await FanoutBenchmark.RunAsync(options);
        break;
    case "recovery":
        await RecoveryBenchmark.RunAsync(options);
        break;
    case "retention":
        await RetentionBenchmark.RunAsync(options);
        break;
    case "weekly":
        await WeeklyBenchmark.RunAsync();
        break;
    case "all":
        await GenerateBenchmark.RunAsync(options);
        await CollectBenchmark.RunAsync(options);
        await AssessBenchmark.RunAsync(options);
        await FanoutBenchmark.RunAsync(options);
        await RecoveryBenchmark.RunAsync(options);
        break;
    default:
        Console.Error.WriteLine("usage: Digest.Bench generate|idle|chat|phases|collect|assess|fanout|recovery|retention|weekly|all [--subscribers N] [--scale K] [--runs N] [--app PATH] [--out FILE.md] [chat: --articles N --questions N --rate R --seconds S --chats N]");
        return 2;
}
return 0;
