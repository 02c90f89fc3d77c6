using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Digest.Llm.Chat;

/// <summary>Semantic Kernel's chat completion for the configured endpoint, over the "llm" client and its retries.</summary>
internal static class ChatService
{
    public static IChatCompletionService Create(LlmOptions settings, IHttpClientFactory httpClients, ILoggerFactory loggers)
    {
        var kernel = Kernel.CreateBuilder();
        kernel.Services.AddSingleton(loggers);
        kernel.AddOpenAIChatCompletion(settings.Model, settings.EndpointUri, settings.ApiKey, httpClient: httpClients.CreateClient(ServiceCollectionExtensions.HttpClientName));
        return kernel.Build().GetRequiredService<IChatCompletionService>();
    }
}
