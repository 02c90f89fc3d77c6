using Digest.App.Cli;

return await DigestCli.RunAsync(args);
