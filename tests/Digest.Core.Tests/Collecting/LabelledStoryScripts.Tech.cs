namespace Digest.Core.Tests.Collecting;

internal static partial class LabelledStoryScripts
{
    private const string Tech = """
        # rust-195
        Announcing Rust 1.95.0
        Rust 1.95 stabilizes async closures in traits
        Rust 1.95.0 released with let chains and faster builds
        > The Rust team is happy to announce a new version of Rust, 1.95.0, which stabilizes async closures in trait methods.
        = Rust 1.95 makes async closures usable in trait methods on stable Rust.
        > Let chains are now available in the 2024 edition, so several let patterns can be combined with && in an if condition.
        = In the 2024 edition, if conditions can now chain several let bindings with &&.
        > Cargo now builds dependencies in parallel across the workspace, which the team says cuts clean build times by up to 30 percent.
        = Clean builds are up to 30 percent faster thanks to Cargo compiling workspace dependencies in parallel.
        > If you have a previous version of Rust installed via rustup, you can get 1.95.0 with rustup update stable.
        = Existing rustup users can upgrade with rustup update stable.

        # postgres-18 +30
        PostgreSQL 18 released with asynchronous I/O
        Postgres 18 is out: async I/O, UUIDv7 and faster upgrades
        PostgreSQL 18 brings up to 3x faster reads from storage
        > The PostgreSQL Global Development Group today announced the release of PostgreSQL 18, which introduces an asynchronous I/O subsystem.
        = PostgreSQL 18 has been released, and its headline feature is a new subsystem for asynchronous I/O.
        > Asynchronous I/O shows up to three times faster sequential scans and vacuums when reading from storage.
        = Reads from disk during sequential scans and vacuum can be as much as three times quicker.
        > PostgreSQL 18 adds a uuidv7 function and keeps planner statistics across major-version upgrades with pg_upgrade.
        = There is a new uuidv7 function, and pg_upgrade now carries planner statistics over to the new major version.
        > OAuth authentication is now supported.
        = Logins can now use OAuth.

        # cloudflare-outage +70
        Cloudflare outage takes down thousands of websites
        Cloudflare says a bad configuration file caused Tuesday's global outage
        Large parts of the web went dark after a Cloudflare failure
        > A Cloudflare outage on Tuesday made thousands of websites including X and ChatGPT unreachable for about three hours.
        = Sites such as X and ChatGPT could not be reached for roughly three hours on Tuesday after Cloudflare failed.
        > Cloudflare said a configuration file used by its bot management system grew beyond an expected size and crashed the software that routes traffic.
        = According to Cloudflare, a feature file for bot management became larger than expected and caused the traffic routing software to crash.
        > The company said there was no evidence of a cyberattack.
        = Cloudflare stressed that it had seen no sign of an attack.
        > Chief executive Matthew Prince apologised and said the outage was unacceptable.
        = Matthew Prince, the CEO, called the incident unacceptable and apologised to customers.

        # aws-outage +80
        AWS us-east-1 outage disrupts Slack, Snapchat and Fortnite
        Amazon Web Services says DNS issue behind hours-long disruption in Virginia
        > A failure in Amazon Web Services' us-east-1 region in northern Virginia disrupted services including Slack, Snapchat and Fortnite for most of Monday morning.
        = Slack, Snapchat and Fortnite were among the apps hit on Monday morning when the us-east-1 region of AWS ran into trouble.
        > AWS said the root cause was a DNS resolution problem affecting the DynamoDB API endpoint.
        = Amazon traced the problem to DNS resolution of the DynamoDB endpoint.
        > Full recovery took more than 15 hours as a backlog of requests was worked through.
        = Working off the queued requests meant services took over 15 hours to fully recover.

        # kafka-postmortem +50
        Postmortem: how a Kafka outage took down our search engine
        How a misconfigured Kafka cluster knocked Findwise search offline for six hours
        > On March 3, search on Findwise was unavailable for six hours after our Kafka cluster stopped accepting writes.
        = Findwise's search engine was down for six hours on March 3 when its Kafka cluster refused new writes.
        > A routine partition reassignment filled the disks of three brokers, and the indexers could no longer publish document updates.
        = A partition reassignment that should have been routine filled up the disks on three brokers, so indexers could not publish updates.
        > We now alert on broker disk usage at 70 percent and throttle reassignments.
        = The company says it now alerts at 70 percent broker disk usage and throttles reassignment traffic.

        # npm-malware
        Malicious npm package colorjs-utils steals crypto wallets
        Researchers find wallet-stealing malware in popular npm package
        > Security researchers at Socket found that the npm package colorjs-utils, downloaded 2 million times a week, shipped a version that steals cryptocurrency wallet keys.
        = A release of colorjs-utils, an npm package with two million weekly downloads, contained code to steal crypto wallet keys, Socket researchers say.
        > The malicious version 4.2.1 was published after the maintainer's account was taken over through a phishing email.
        = Attackers phished the maintainer and used the account to publish the poisoned 4.2.1 release.
        > npm removed the version within two hours.
        = It was pulled from the registry two hours later.

        # tsmc-arizona-2nm
        TSMC starts 2nm chip production in Arizona
        TSMC's Arizona fab begins making 2-nanometer chips, a first for the US
        Apple and Nvidia to get US-made 2nm chips as TSMC ramps Arizona plant
        > TSMC has begun volume production of 2-nanometer chips at its second fab in Phoenix, Arizona.
        = Volume manufacturing on the 2nm process is under way at TSMC's second Phoenix plant.
        > Apple and Nvidia are the first customers, according to people familiar with the matter.
        = The first orders come from Apple and Nvidia, sources said.
        > It is the first time the most advanced chips are made in the United States.
        = Never before have chips this advanced been manufactured in the US.

        # microsoft-layoffs
        Microsoft cuts 6,000 jobs as it pours money into AI
        Microsoft to lay off about 3% of its workforce
        Microsoft layoffs hit engineers at LinkedIn and Xbox
        > Microsoft is laying off about 6,000 employees, or roughly 3 percent of its workforce, the company confirmed on Tuesday.
        = The company confirmed Tuesday it will eliminate around 6,000 jobs, close to 3 percent of staff.
        > The cuts affect software engineers and product managers across divisions including LinkedIn and Xbox.
        = Engineers and product managers at LinkedIn, Xbox and other units are among those affected.
        > Microsoft plans to spend $80 billion on AI data centers this fiscal year.
        = At the same time it intends to invest $80 billion in data centers for AI this fiscal year.

        # google-search-ruling
        Judge orders Google to share search data with rivals but keep Chrome
        Google avoids Chrome breakup in search antitrust remedy
        > A federal judge ruled that Google does not have to sell its Chrome browser but must share some search index and interaction data with qualified competitors.
        = Google will not be forced to divest Chrome, a US judge decided, though it has to hand some of its search data to rivals.
        > The judge also barred Google from exclusive contracts for search, Chrome and Gemini distribution.
        = Exclusive distribution deals for Search, Chrome and Gemini are now prohibited.
        > Alphabet shares rose 8 percent after the ruling.
        = Alphabet's stock jumped 8 percent on the news.

        # rust-nvme-driver
        Linus Torvalds merges the first Rust NVMe driver into Linux 6.19
        Linux 6.19 will ship a Rust driver for NVMe drives
        Rust in the kernel: NVMe driver lands in mainline
        > Linus Torvalds has merged rnvme, a driver for NVMe storage written in Rust, for the Linux 6.19 kernel.
        = The Linux 6.19 merge window brought rnvme, an NVMe driver written in Rust, into Torvalds' tree.
        > Benchmarks by the driver's author show performance within 2 percent of the existing C driver.
        = Its author measured throughput within 2 percent of the C implementation.
        > The C driver remains the default for now.
        = For the time being the C driver stays the default.

        # waymo-dc
        Waymo will launch robotaxis in Washington, DC next year
        Waymo expands driverless rides to the nation's capital
        > Waymo said it plans to start fully driverless ride-hailing in Washington, DC in 2026, pending local regulation.
        = Alphabet's Waymo intends to offer rides with nobody behind the wheel in the capital in 2026 if the city changes its rules.
        > The company already operates in Phoenix, San Francisco, Los Angeles and Austin, and gives more than 250,000 paid rides a week.
        = It runs services in Phoenix, San Francisco, Los Angeles and Austin, carrying over 250,000 paying passengers weekly.

        # intel-ceo
        Intel names Lip-Bu Tan as its new CEO
        Former Cadence chief Lip-Bu Tan to lead Intel
        Intel shares jump after board picks Lip-Bu Tan as CEO
        > Intel's board has appointed Lip-Bu Tan, the former chief executive of Cadence Design Systems, as CEO effective next week.
        = Lip-Bu Tan, who used to run Cadence Design Systems, will take over as Intel's chief executive next week.
        > Tan said he would focus on the foundry business and on winning back customers for Intel's data center chips.
        = He plans to put the foundry and data center customers first.
        > Intel stock rose 11 percent in premarket trading.
        = Shares climbed 11 percent before the market opened.

        # chrome-webgpu-linux
        Chrome 140 ships WebGPU on Linux
        WebGPU finally arrives in Chrome for Linux
        > Google's Chrome 140 enables WebGPU by default on Linux for devices with Intel Gen12 and newer GPUs and on AMD and Nvidia hardware with Vulkan drivers.
        = With version 140, Chrome turns WebGPU on by default on Linux, covering Intel Gen12+ GPUs as well as AMD and Nvidia cards through Vulkan.
        > WebGPU was available on Windows, macOS and ChromeOS since 2023.
        = Windows, macOS and ChromeOS users have had it since 2023.
        """;
}
