using Sora.Silo.Cli;

return await SoraCommandLine.RunAsync(args);
