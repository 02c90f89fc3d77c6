namespace Digest.Core.Tests.Collecting;

/// <summary>The texts behind <see cref="LabelledStories"/>; invented news, written to read like the real thing.</summary>
internal static partial class LabelledStoryScripts
{
    public static string News => Ai + "\n" + Tech;

    private const string Ai = """
        # gemini-tts
        Google releases Gemini 3.1 Flash TTS, a text-to-speech model for developers
        Gemini 3.1 Flash TTS: Google's new speech model talks in 30 languages
        Google's latest model turns text into expressive speech
        > Google on Tuesday released Gemini 3.1 Flash TTS, a text-to-speech model available in preview through the Gemini API and Google AI Studio.
        = Google has made a preview of Gemini 3.1 Flash TTS, its newest speech generation model, available to developers in AI Studio and the Gemini API.
        > The model supports 30 languages and lets developers steer tone, pace and accent with plain-language instructions.
        = Thirty languages are supported, and the tone, speed and accent of the voice can be directed with ordinary prompts.
        > Multi-speaker dialogue can be generated in a single request, which Google says suits podcasts and audiobooks.
        = A single call can produce a conversation between several voices, a feature aimed at audiobook and podcast makers.
        > Pricing starts at $0.50 per million input tokens during the preview.
        = During the preview it costs fifty cents per million input tokens.

        # gpt-55-launch
        OpenAI launches GPT-5.5 with a million-token context window
        GPT-5.5 is here: OpenAI's new flagship reads a million tokens at once
        OpenAI's GPT-5.5 arrives for ChatGPT Plus and API customers
        OpenAI unveils GPT-5.5, claims big gains in coding benchmarks
        > OpenAI on Thursday launched GPT-5.5, its new flagship model, with a context window of one million tokens.
        = The new flagship, GPT-5.5, can take in up to a million tokens of context, OpenAI announced Thursday.
        > The company said GPT-5.5 scores 74 percent on SWE-bench Verified, up from 63 percent for its predecessor.
        = On the SWE-bench Verified coding test it reaches 74 percent, according to OpenAI, compared with 63 percent for the previous model.
        > GPT-5.5 is rolling out to ChatGPT Plus, Pro and Team subscribers today and is available in the API at $4 per million input tokens.
        = Plus, Pro and Team users of ChatGPT get it starting today, while developers pay $4 per million input tokens through the API.
        > OpenAI said the model hallucinates less often and refuses fewer harmless requests.
        = The company also claims fewer made-up answers and fewer needless refusals.

        # openai-cfo
        OpenAI names former Stripe executive Dana Whitfield as chief financial officer
        OpenAI hires Stripe's Dana Whitfield as CFO ahead of possible IPO
        > OpenAI has appointed Dana Whitfield, previously head of finance at Stripe, as its chief financial officer.
        = Dana Whitfield, who ran finance at Stripe, is joining OpenAI as CFO.
        > Whitfield replaces Sarah Friar, who is moving into a new role overseeing the company's infrastructure partnerships.
        = She succeeds Sarah Friar, who will now lead OpenAI's infrastructure deals.
        > The hire comes as OpenAI prepares its books for a possible public listing as early as next year.
        = People familiar with the matter say the appointment is part of preparations for an IPO that could come next year.

        # claude-code-enterprise
        Anthropic opens Claude Code to enterprise teams with admin controls
        Claude Code gets enterprise plan, usage analytics and SSO
        Anthropic brings its coding agent Claude Code to big companies
        > Anthropic is making Claude Code available to enterprise customers with single sign-on, audit logs and spending limits.
        = Enterprise customers can now use Claude Code with SSO, audit logging and caps on spending, Anthropic said.
        > Administrators can see usage analytics per team and decide which tools the agent may run on developer machines.
        = Admins get per-team usage dashboards and can restrict which commands the agent is allowed to execute locally.
        > Anthropic said Claude Code's revenue has grown tenfold since the start of the year.
        = The company says revenue from the coding agent is up ten times since January.
        > The enterprise plan is priced per seat and includes a pool of shared usage.
        = Seats are billed individually, with a shared pool of usage on top.

        # nvidia-earnings
        Nvidia posts record $68 billion quarter on data center demand
        Nvidia revenue jumps 62% as AI chip demand shows no sign of slowing
        Nvidia beats estimates again, guides higher for next quarter
        > Nvidia reported revenue of $68.1 billion for its fiscal first quarter, up 62 percent from a year earlier.
        = Quarterly sales came in at $68.1 billion, a 62 percent rise on the same period last year.
        > Data center revenue, driven by Blackwell systems, reached $59.4 billion.
        = The data center unit, powered by shipments of Blackwell, brought in $59.4 billion.
        > The company forecast second-quarter revenue of about $74 billion, above analyst expectations of $71 billion.
        = For the current quarter Nvidia expects roughly $74 billion in sales, ahead of the $71 billion Wall Street had penciled in.
        > Shares rose 4 percent in after-hours trading.
        = The stock gained about 4 percent after the bell.

        # eu-ai-act-delay
        EU delays AI Act rules for general-purpose models by a year
        Brussels pushes back AI Act obligations for foundation model makers
        The EU is giving AI companies another year before the AI Act bites
        > The European Commission proposed on Wednesday to postpone obligations for general-purpose AI models under the AI Act until August 2027.
        = On Wednesday the Commission put forward a plan to delay the AI Act's rules for general-purpose models to August 2027.
        > The Commission said the delay would give companies time to adopt the code of practice and harmonised standards that are still being written.
        = Officials argue that standards and the code of practice are not ready, and that firms need time to apply them.
        > Civil society groups criticised the move as a concession to large US technology companies.
        = Digital rights organisations called the proposal a gift to American big tech.
        > The proposal still needs the approval of the European Parliament and member states.
        = Parliament and the member states must still sign off.

        # llama-5
        Meta releases Llama 5 with open weights and a 400B mixture-of-experts model
        Meta's Llama 5 is out, and the biggest version rivals GPT-5
        Llama 5: what Meta's new open models can do
        > Meta on Monday released Llama 5, a family of open-weight models ranging from 8 billion to 400 billion parameters.
        = Meta's new Llama 5 family, published Monday, spans open-weight models from 8B up to 400B parameters.
        > The largest model uses a mixture-of-experts design with 40 billion active parameters per token.
        = Its flagship is a mixture-of-experts model that activates 40 billion parameters for each token.
        > Meta said Llama 5 was trained on 40 trillion tokens, including more code and multilingual data than before.
        = Training used 40 trillion tokens, with a bigger share of code and non-English text, according to Meta.
        > The weights can be downloaded under the Llama community license, which restricts use by companies with more than 700 million users.
        = Downloads fall under Meta's community license, which still bars the largest platforms from using it freely.

        # wwdc-foundation-models
        Apple opens its on-device foundation model to app developers at WWDC
        WWDC: Apple gives developers access to Apple Intelligence models
        Apple's Foundation Models framework lets apps run AI offline
        > At WWDC on Monday, Apple announced the Foundation Models framework, which gives apps access to the on-device model behind Apple Intelligence.
        = Apple used its WWDC keynote to unveil a Foundation Models framework that exposes the Apple Intelligence on-device model to third-party apps.
        > Developers can call the roughly 3 billion parameter model with a few lines of Swift, and requests never leave the device.
        = With only a few lines of Swift, apps can query the model of about three billion parameters, without data leaving the phone.
        > The framework supports guided generation, so the model returns Swift structures instead of free text.
        = It can also fill in typed Swift values directly, a feature Apple calls guided generation.
        > There is no charge for inference, Apple said.
        = Using the model is free for developers.

        # mistral-funding
        Mistral raises €2 billion at a $14 billion valuation
        French AI startup Mistral doubles valuation in new funding round
        Mistral AI lands €2B led by ASML
        > Mistral AI has raised €2 billion in a funding round that values the Paris company at $14 billion.
        = The Paris-based model maker Mistral AI closed a €2 billion round at a $14 billion valuation.
        > Dutch chipmaking equipment maker ASML led the round with an investment of €1.3 billion.
        = ASML, the Dutch lithography giant, put in €1.3 billion and led the deal.
        > Mistral said it would use the money to build data centers in France and to train larger models.
        = The startup plans to spend the funds on French data centers and on training bigger models.

        # deepseek-r2
        DeepSeek releases R2 reasoning model, matching o3 at a fraction of the cost
        China's DeepSeek is back with R2
        DeepSeek R2 open-sourced under MIT license
        > Chinese startup DeepSeek released R2, a reasoning model that it says matches OpenAI's o3 on math and coding benchmarks.
        = DeepSeek, the Hangzhou-based lab, published R2 and claims it is on par with o3 for math and programming.
        > The weights are available under the MIT license on Hugging Face.
        = Anyone can download the model from Hugging Face under the permissive MIT license.
        > DeepSeek said R2 was trained on Huawei Ascend chips as well as Nvidia hardware.
        = According to the company, training ran on a mix of Huawei Ascend and Nvidia accelerators.
        > API prices are $0.55 per million input tokens.
        = Through the API it costs 55 cents per million input tokens.

        # metr-study
        Study finds AI coding tools slowed experienced developers by 19%
        AI assistants made seasoned open-source developers slower, METR trial shows
        Developers thought AI made them faster. A randomized trial says otherwise
        > A randomized controlled trial by the research group METR found that experienced open-source developers took 19 percent longer to finish tasks when allowed to use AI tools.
        = METR ran a randomized experiment and found veteran open-source maintainers were 19 percent slower on real tasks when they could use AI assistants.
        > The 16 developers had expected AI to speed them up by 24 percent, and even afterwards believed it had made them 20 percent faster.
        = Before the study the 16 participants predicted a 24 percent speedup, and afterwards still estimated they had been 20 percent quicker.
        > The researchers cautioned that the results may not apply to less experienced developers or unfamiliar codebases.
        = The authors warn the findings might not hold for junior programmers or for code the developers do not already know.

        # openai-io
        OpenAI buys Jony Ive's device startup io for $6.5 billion
        Jony Ive and OpenAI team up on AI hardware in $6.5B deal
        OpenAI acquires io, bringing former Apple design chief into the fold
        > OpenAI is acquiring io, the hardware startup founded by former Apple design chief Jony Ive, in an all-stock deal valued at $6.5 billion.
        = In a $6.5 billion all-stock transaction, OpenAI will buy io, the device company Jony Ive started after leaving Apple.
        > Ive's design firm LoveFrom will take over design work across OpenAI, including ChatGPT.
        = LoveFrom, Ive's studio, becomes responsible for design at OpenAI, ChatGPT included.
        > The first device is expected next year and will not be a phone or glasses, according to people briefed on the plans.
        = People who have seen the plans say the first product ships next year and is neither a smartphone nor a pair of glasses.

        # hf-pollen
        Hugging Face acquires French robotics startup Pollen Robotics
        Hugging Face buys Pollen Robotics to sell open-source humanoid Reachy 2
        > Hugging Face has acquired Pollen Robotics, the Bordeaux company behind the Reachy 2 humanoid robot.
        = The AI platform Hugging Face bought Pollen Robotics, a startup from Bordeaux that makes the Reachy 2 humanoid.
        > Hugging Face plans to sell Reachy 2 for about $70,000 and open-source its designs.
        = The robot will sell for around $70,000, and its hardware designs will be published openly.
        > The deal terms were not disclosed.
        = Financial terms were not made public.
        """;
}
