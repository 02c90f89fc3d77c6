namespace Digest.Core.Tests.Collecting;

internal static partial class LabelledStoryScripts
{
    /// <summary>Series and template titles about different subjects, and articles that are a story of their own.</summary>
    public const string SeriesAndSingles = """
        # pm-dns @status.fernpay.com +45
        Postmortem: how a DNS outage took down our API for three hours
        > Summary: between 09:12 and 12:20 UTC, customers experienced elevated error rates and timeouts when calling the Fernpay API.
        > Root cause: a change to our internal DNS zone removed the records for the payment gateway, and resolvers cached the empty answer for the full negative TTL.
        > Action items: we will validate zone changes against a list of required records and shorten the negative TTL to 30 seconds.
        > We apologize for the disruption this caused and are committed to preventing it from happening again.

        # pm-redis @engineering.shoplane.io +55
        Postmortem: how a Redis failover took down checkout
        > Summary: between 17:40 and 18:25 UTC, customers experienced elevated error rates at checkout and many orders could not be placed.
        > Root cause: during a planned Redis Sentinel failover, the application kept a connection pool to the old primary, which had become a read-only replica.
        > Action items: the cart service now reconnects on READONLY errors, and failovers are rehearsed monthly.
        > We apologize for the disruption this caused and are committed to preventing it from happening again.

        # pm-certificate @blog.tallyhq.com +65
        Postmortem: how an expired certificate took down login
        > For 47 minutes on Saturday nobody could sign in to Tally, because the TLS certificate of our identity provider's internal endpoint expired.
        > The certificate had been issued by hand two years ago and was missing from our renewal automation.
        > We have moved every certificate to automatic renewal and added an alert 21 days before any expiry.

        # pm-disk @eng.corvid.dev +48
        Incident report: how a full disk took down our build farm
        > Summary: between 02:00 and 07:30 UTC, customers experienced failed and queued builds on all Linux runners.
        > Root cause: the Docker image cache on the shared build hosts was never pruned, and the root partitions filled up overnight.
        > Action items: image caches are now pruned nightly and hosts alert at 80 percent disk usage.

        # twir-612 @this-week-in-rust.org +20
        This Week in Rust 612
        > Hello and welcome to another issue of This Week in Rust! Rust is a programming language empowering everyone to build reliable and efficient software.
        > This week's crate is tokio-console-lite, a lightweight task monitor for async runtimes.
        > Updates from the Rust project: 412 pull requests were merged in the last week, including a fix for a miscompilation in const generics.
        > Thanks to all the contributors, and see you next week!

        # twir-613 @this-week-in-rust.org +188
        This Week in Rust 613
        > Hello and welcome to another issue of This Week in Rust! Rust is a programming language empowering everyone to build reliable and efficient software.
        > This week's crate is sqlx-migrate-check, which verifies database migrations at compile time.
        > Updates from the Rust project: 389 pull requests were merged in the last week, and the compiler now caches incremental queries on disk.
        > Thanks to all the contributors, and see you next week!

        # tansu-120 @tansu.dev +40
        Release notes v1.2.0
        > Tansu 1.2.0 adds support for S3-compatible storage backends and a new retention policy per topic.
        > Upgrading: stop the broker, replace the binary and start it again; no data migration is needed.
        > Full changelog on GitHub.

        # tansu-130 @tansu.dev +90
        Release notes v1.3.0
        > Tansu 1.3.0 brings schema validation with Protocol Buffers and reduces memory use during compaction by half.
        > Upgrading: stop the broker, replace the binary and start it again; no data migration is needed.
        > Full changelog on GitHub.

        # golang-weekly @golangweekly.com +50
        Weekly digest #41: a deep dive into Go generics
        > This week we look at how the Go compiler implements generics with GC shape stenciling and dictionaries.
        > Also: a new release of the Echo web framework and a talk on profile-guided optimization.

        # kotlin-weekly @kotlinweekly.net +52
        Weekly digest #17: Kotlin coroutines in practice
        > In this issue: structured concurrency patterns for Android apps and a look at Flow operators.
        > Plus a tutorial on migrating from RxJava to coroutines.

        # lastweek-ai @lastweekin.ai +100
        Last Week in AI #210
        > Our editors summarize the week: a long context race among frontier labs, new funding for European model makers, and regulators in Brussels changing their timetable.
        > In research, a paper on sparse attention kernels and another on evaluating agents with real software tasks.

        # lastweek-aws @lastweekinaws.com +101
        Last Week in AWS #412
        > This week Amazon renamed three services, raised the price of NAT gateways in two regions, and published a long blog post about resilience.
        > Corey reviews the new S3 Express pricing and what it means for your bill.

        # show-queue @news.ycombinator.com +60
        Show HN: A tiny SQLite-backed job queue for Python
        > I built a job queue that stores jobs in a single SQLite file, with retries, priorities and a small web dashboard.

        # show-k9s @news.ycombinator.com +61
        Show HN: I built a terminal UI for tailing Kubernetes logs
        > Klog lets you follow logs from many pods at once, with filtering by label and regex highlighting.

        # show-notes @news.ycombinator.com +75
        Show HN: Outline-style notes app that syncs over Git
        > Every note is a Markdown file in a Git repository, and the app commits and pushes in the background.

        # sed-212 @softwareengineeringdaily.com +30
        Episode 212: Scaling Postgres at Notion
        > Notion's infrastructure lead explains how they sharded their Postgres fleet into 480 logical shards and moved data without downtime.

        # sed-213 @softwareengineeringdaily.com +100
        Episode 213: Inside the Linux scheduler
        > A kernel developer walks through the EEVDF scheduler, how it replaced CFS, and what it means for latency-sensitive workloads.

        # pg18-benchmark @pganalyze.com +75
        Benchmarking PostgreSQL 18's asynchronous I/O on a laptop
        > We ran pgbench and a set of analytical queries against PostgreSQL 18 with io_method set to sync, worker and io_uring.
        > On a laptop NVMe drive, io_uring made cold sequential scans 2.4 times faster, while small indexed lookups did not change.
        > If your data fits in memory, do not expect much from the new setting.

        # kafka-notes @blog.jvm-ops.net +60
        Notes on running Kafka in production for five years
        > After five years and forty clusters, these are the settings and habits that kept our Kafka brokers healthy.
        > Keep partition counts modest, watch consumer lag rather than broker CPU, and never let a disk go above 80 percent.

        # rust-lifetimes @fasterthanli.me
        Understanding Rust lifetimes with diagrams
        > Lifetimes are not about how long a value lives but about which references may be used together.
        > We draw each borrow as a bar on a timeline and let the borrow checker's errors make sense.

        # mongo-to-postgres @engineering.mealkit.co
        Why we moved from MongoDB to Postgres
        > Our order data turned out to be relational after all, and joins in application code cost us months.
        > The migration took eleven weeks, ran both databases side by side, and cut our hosting bill in half.

        # attention-guide @jalammar.github.io
        A visual guide to attention in transformers
        > Attention lets every token look at every other token and decide how much of each to mix into its own representation.
        > We walk through queries, keys and values with small matrices you can compute by hand.

        # sqlalchemy-m2m @hackersandslackers.com
        SQLAlchemy 2 in practice: many-to-many relationships
        > Association tables, association objects and when to pick each, with the typed mapped_column style of SQLAlchemy 2.

        # go-search-engine @blog.gopheracademy.com
        Building a small search engine in Go
        > An inverted index, BM25 ranking and a tokenizer fit in a few hundred lines of Go, and search a million documents in milliseconds.

        # microservices-cost @martinfowler.com
        The hidden cost of microservices
        > Every network hop adds latency, failure modes and a team that must be consulted before a change ships.

        # aws-bill @blog.duckbill.example
        How we cut our AWS bill by 40%
        > Most of the savings came from deleting idle load balancers, moving logs to cheaper storage tiers and buying savings plans.

        # raspberry-pi @jeffgeerling.com
        I replaced my home server with a Raspberry Pi 5
        > With an NVMe hat and 8 GB of memory, the Pi 5 runs my media server, backups and home automation at under 10 watts.

        # haskell-decade @blog.typeclass.io
        Ten years of Haskell in production
        > The type system saved us from whole classes of bugs, but hiring and build times remained a constant struggle.

        # rate-limiter @systemdesign.one
        Designing a rate limiter with token buckets
        > A token bucket refills at a fixed rate and lets short bursts through, which makes it the usual choice for API limits.

        # webgpu-compute @webgpufundamentals.org
        An introduction to WebGPU compute shaders
        > Compute shaders run general-purpose work on the GPU; we write one in WGSL that sums a large array in parallel.
        """;
}
