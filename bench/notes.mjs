// Hand-written parts of bench/README.md: the method, and per scenario what the numbers mean and,
// where a target is missed, what limits it. Kept here so a re-run regenerates the README around them.

export const INTRO = `
\`npm run bench\` (from the repository root: build, then \`node bench/run.mjs\`) measures awsconn side by
side with its peers in one run against one moto server, which the bench starts and stops itself:

- **Powertools Parameters** (\`@aws-lambda-powertools/parameters\`): \`SecretsProvider\` / \`SSMProvider\` with
  \`maxAge: 300\` (the same cache age as awsconn's \`ttlSeconds: 300\`) and \`transform: "json"\`;
- the **raw AWS SDK** call (\`GetSecretValue\`, \`GetParameter\`, \`fromTemporaryCredentials\`);
- a **naive per-lookup loop**: one API call per lookup, which is what Airflow does without its cache.

The root \`npm run bench\` then runs the fleet benchmark (\`npm run bench:fleet\` alone; issue 18): many
independent fleet members behind a proxy that enforces AWS's API quotas, with its own method, scaling
and figures in [fleet/README.md](fleet/README.md).

Method, common to all scenarios:

- API calls are counted by a loopback HTTP proxy in front of moto (\`lib/countingProxy.mjs\`) that reads
  the operation from \`X-Amz-Target\` (JSON protocol) or \`Action=\` (STS query protocol). Every client of every
  side points at it, so both sides are counted by the same method, outside the code under test.
  Scenario 2 (a latency ratio) talks to moto directly, so the proxy's own latency does not dilute it.
- Times are taken with \`process.hrtime.bigint()\`; each scenario repeats rounds, alternates the order of
  the sides between rounds, and reports medians (with the interquartile range in \`results.json\`).
- awsconn is imported from its built package (\`dist/\`) by name, as a user would.
- moto answers in milliseconds from a Python process, so absolute network latencies are moto's, not AWS's;
  ratios and call counts carry over, absolute milliseconds do not.

\`node bench/run.mjs --only 5,8\` (or \`node bench/run.mjs 5 8\`) runs only scenarios 5 and 8 (merged into
\`results.json\`, the other rows kept from the last run); \`node bench/render.mjs\` redraws the SVGs, this README
and the root README's table (between its \`bench:results\` markers) from \`results.json\` (the analysis paragraphs
live in \`notes.mjs\`). \`results.json\` holds every sample. The benchmark itself takes the time given under
Results (about 3 minutes on 2 cores on a quiet machine, two or three times that on a loaded one: scenarios 5, 8
and 9 start about 450 fresh node processes, scenario 10 runs three \`npm install\`s, and moto serves the naive
peers' thousands of calls). \`npm run bench\` first runs the monorepo build, which comes on top.

Scenarios 5, 8 and 9 time fresh processes (\`lib/timeNode.mjs\`): every side runs once to warm the file system
cache, then the sides alternate run by run (the order reversed every other round) and medians are reported. A
process "starts" at \`spawn\` and ends at its exit, or, where the row says so, at the first line it prints the
moment its first connection is resolved. Scenario 10 needs the npm registry (or npm's cache) for third-party packages.

Scenario 7 needs no AWS backend: both sides cache 10,000 connections from the same in-memory backend
(awsconn's own Secrets Manager source given a client object that answers \`GetSecretValue\` from it, and a
Powertools \`BaseProvider\` subclass, Powertools' documented way to add a backend), because creating 10,000
secrets in moto alone would take minutes. Each read answers a new copy of the stored text, as each SDK
response is a new string, so a side that keeps part of the text alive pays for it, and each id is read once
more from the cache before the heap is measured, so what a cached read keeps counts too. (Until December 2026
both sides were handed the stored strings themselves, built before the baseline: a parsed connection's long
fields were V8 views into them and cost nothing there, while in real use they kept the whole SecretString
alive, about 200 B per connection more than the row showed; and the heap was measured before any cached
read, which hid a settled promise kept per hit, about 75 B.)
`;

export const NOTES = {
  "1-warm-hit": `
Why: a cached \`resolver.get()\` is not an \`async\` function; it reads the LRU map and returns the entry's
already-settled promise, so a hit allocates nothing. Powertools' \`get\` is an \`async\` method that builds a
\`GetOptions\` object and a cache-key string on every call and checks the entry's expiry against \`Date.now()\`.
What remains of awsconn's time per lookup is mostly the \`await\` of the caller (one microtask turn), which no
promise-returning API can avoid; both numbers move with the machine's load.
`,
  "2-cold-lookup": `
What the overhead is made of. In a hot loop without network (the in-process breakdown above, an in-memory
source in place of Secrets Manager) the whole chain costs tens of µs: the env lookup, the file source's
synchronous \`stat\` of the connections file (to see whether it changed), parsing the secret with awsconn's
Airflow-compatible JSON parser (the raw side does not parse at all), and the resolver's flight and cache
bookkeeping. In the real flow the CPU column is the better guide: on this machine the AWS SDK itself needs
3–5 ms of CPU per \`GetSecretValue\` (this is a slow, shared 2-core VM), and an awsconn cold lookup consistently
needs about 0.5 ms more than the raw call, i.e. 10–15% more CPU, against a moto round trip of a few ms. Before issue 17
that put the wall-time overhead between about 5% and 14% depending on the machine's load (every µs of CPU after
the response arrives may wait for a core), which is why the latency target (now 5%) is judged on the median of
paired lookups, with the ratio of the medians shown next to it, and why issue 17 adds a second target on the CPU
column itself (at most 5% over the raw call), which the machine's load moves much less.
Against real Secrets Manager (tens of ms per call) the same absolute overhead is a few percent.

One item was the bench's own doing but a real cost: lru-cache 11 empties every array it preallocated for
\`max\` entries when its last entry is deleted, and this bench invalidates its one cached id before each lookup
(about 50 µs a cold lookup in a profile, 14 µs hot against 0.3 µs). Since 33c55d1 the cache keeps a placeholder
in the last entry's place until the next set (\`lastEntryGuard\`), so forgetting the only id costs what
forgetting any id costs. Real cold lookups (a first read, an expired entry) never deleted the last entry.

Where the extra CPU goes is only partly explained: a CPU profile of 3,000 cold lookups against a canned local
HTTP server put about 90% of the CPU in Node's HTTP stack and the AWS SDK / Smithy code and under 10% in the
awsconn packages and \`lru-cache\` together; the largest awsconn items were the \`lru-cache\` bookkeeping,
\`parseSecretString\`, \`deepFreeze\` of the cached connection, and \`@awsconn/source-secrets-manager\` calling
\`import("@aws-sdk/client-secrets-manager")\` on every lookup (cheap once loaded, but a memoized promise would do).
The source's SDK client differs from the raw one only in its request handler (connect/request timeouts) and
in taking the credentials from the default provider chain; neither showed a difference above the noise when
measured alone. A profile of 1,500 cold lookups of the Secrets Manager source alone (December 2026) put
awsconn's own code at about 180 µs a lookup, spread over the secret's parse (Python JSON, the key aliases,
the connection), the chain and the cache; the Secrets Manager source's JSON path converts the parsed value
to plain objects and back (\`pyToPlain\`, \`pyFromPlain\`) to apply the key aliases, which could be skipped.

How steady the CPU row is (December 2026, on an Intel Xeon VM): with 150 lookups a side three runs of one
build gave +5.1%, +18.6% and +9.4%; with 600 (since then) four runs gave +8.7%, +5.2%, +3.8% and +5.4%
(the committed one is the last), while the latency row stayed between +3.5% and +4.1%. In a paired test of
the Secrets Manager source alone against the raw call on the same moto (300 each) the source cost 0 to 2%
more CPU, the resolver around it 3 to 15% more, most of it garbage collection (a CPU profile: awsconn's own
functions about 40 µs a lookup, the collector about 30 µs more than without the resolver). On 2 December
2026 (the same kind of VM) two full runs of one build gave +8.67% and +4.39% (the committed one), and scenario 2
run alone +5.73%: the row is met or missed by the run. A CPU profile of 3,000 cold lookups then put the resolver's
own cost on a real Secrets Manager call at about 40 µs a lookup (awsconn's functions about 22 µs, \`lru-cache\`
about 7 µs, promise turns about 12 µs), against about 5 µs for the same chain over an in-memory source in a hot
loop: off the hot loop, the same code runs several times slower. On 3 December 2026, on an AMD EPYC VM (\`node -e 0\`
in 88 ms against 61 ms on the Intel one), two full runs of one build gave +5.59% and +7.69% (the committed one):
missed in both, by 220 µs a lookup at most on a raw call of about 2.8 ms CPU.
`,
  "3-burst": `
awsconn coalesces concurrent lookups of one id into one flight (\`lru-cache\`'s \`fetch()\`), so the 99 other
callers wait for the first call. Powertools has no in-flight sharing: every \`get\` that misses its cache calls
\`GetSecretValue\`, and so does the naive loop. The wall-time gap is moto serving 100 requests (on 2 cores, from
one Python process) against serving one.
`,
  "4-preload": `
awsconn's \`preload\` uses the sources' batch calls: \`BatchGetSecretValue\` with 20 ids per call (3 calls for 50)
and \`GetParameters\` with 10 names per call (5 calls for 50), and after it every \`get\` of those ids is a cache
hit (checked: 0 further API calls). Powertools' \`getParametersByName\` also batches SSM by 10 (5 calls) but
fetches its chunks one after the other; Powertools has no batch read for Secrets Manager. "per-id, all at once"
shows what firing the 50 single calls concurrently buys instead: much less than batching, because moto serves
them from one Python process on the same two cores.
`,
  "5-startup": `
What the rows are. "node -e 0" is the floor every fresh Node process pays. The four awsconn start-up rows import
\`awsconn\`, create a resolver with one source given in code and resolve one connection, then exit: what a
script, a Lambda handler module or a \`credential_process\` helper pays before its first connection. "What
Powertools adds" (the quarter in the env target) is the Powertools import row over \`node -e 0\`: the price of
importing its secrets subpath, which loads the Secrets Manager client. The two deployment rows end when the
first connection is resolved (the probe prints a line), not at exit: awsconn discovers \`awsconn.config.yaml\` in
the working directory (YAML parsing and schema validation), builds the Secrets Manager source and makes one
\`GetSecretValue\`; Powertools makes the same call through \`getSecret\`. Both pay moto's round trip, so the
difference between them is the start-up work and the per-call work of each library.

How to read the misses: the module lists above say what each process loaded, by package, and the import-cost
table what each package costs alone. A package that appears in the env or file row's list but is not needed to
answer an env or file lookup (\`zod\` for a configuration given in code, \`yaml\` for a JSON or \`.env\` file,
\`commander\`, an \`@aws-sdk/*\` client) is start-up time that lazy loading can remove; what is left is the cost
of \`@awsconn/core\`, the resolver and \`lru-cache\`. The absolute milliseconds move a lot with the machine's load
(every process competes for the same two cores); the ratios to \`node -e 0\`, the CPU column and the module
counts much less.

What limits it now (read the module lists of the run above to see whether it still does): a valid
configuration, in code or in a JSON file, loads no \`zod\` (it is checked against a JSON Schema generated
from the zod schemas); an env lookup loads two of awsconn's files (the facade's bundle, which inlines the env
and file sources, package.json \`inlined\`, and \`@awsconn/core\`; it loaded four before December 2026, and
each ES module costs its own resolution, read and link: 33.9 to 29.6 ms for the import and lookup, medians in
one process; the list of an aws connection's extra keys moved from \`@awsconn/credentials\` to core, so that
package is not loaded) and no third-party package; its Unicode property patterns are
built on first use. A YAML file in YAML's plain block subset (block mappings and lists, plain words, simple
quoted strings, \`true\`/\`false\`/\`null\`, small whole numbers) is read without \`yaml\` (the file source's
\`readPlainYaml\`), and the YAML row's file is such a file; a file beyond the subset (anchors, flow
\`{ }\`, block strings) loads \`yaml\` from the file source's one-file copy (\`dist/yaml.cjs\`) and pays yaml's
load and first, cold parse, about 30 ms. Files are read through \`require("node:fs")\` (core's \`nodeFs\`): an ES
module's \`import { statSync } from "node:fs"\` makes Node build fs's whole namespace, which loads its stream
classes and about 20 of Node's stream modules (about 6 ms). The resolver's clock is the \`performance\` global,
whose first use loads \`perf_hooks\` (about 2 ms); \`process.hrtime\` would avoid that but costs about 60 ns more
per call, and every cached hit reads the clock (tried, and reverted: the warm hit fell under 2x Powertools).
What remains of the env and file rows is compiling about 156 kB of ES modules (minified since December
2026, names kept, from 313 kB: paired whole-process runs of the env probe, 60 each, gave 0.96x; core's
Python regular-expression translator, used only by the AWS sources' \`lookupPattern\`, moved to
\`@awsconn/aws-source-common\` the same month, core 53.0 to 36.8 kB: 41 paired runs gave 0.97x; the file
source's code is compiled even for an env-only resolver, because \`awsconn\` re-exports \`fromFile\`), the ES module
loader resolving each package's \`exports\`, and the first call of each function on the path (the
configuration check, the URI parser); the resolver's own work is a few hundred microseconds. One bundle
holding core too measured 24.6 against 28.8 ms, but core's classes (its errors, the protected connection)
must stay one copy for every package that checks them. The deployment
row's \`awsconn.config.yaml\` is plain YAML, read without \`yaml\`; the row adds the Secrets Manager client (the same one Powertools loads),
\`lru-cache\` and the AWS source modules. awsconn loads the SDK packages with \`require\`: an ES module's
\`import()\` of a CommonJS package first runs Node's CommonJS lexer over it and every file it re-exports,
which cost the deployment row about 50 ms (Powertools, an ES module importing the client, still pays it). Suggested next (in \`awsconn\`, not in \`bench/\`): move the
\`fromFile\` re-export to a subpath so an env-only resolver does not compile the file source (an API change).
That is worth less than it looks: on an Intel VM on 2 December 2026 an env resolver built from \`awsconn/compose\`
and \`awsconn/env\` (which hold no file source, YAML reader or configuration file reader) was 0.973x the
\`awsconn\` probe (40 paired whole-process runs), about 2 ms. Timed inside the process on that VM, importing
core took about 3 ms (1 ms of it resolving the bare \`@awsconn/core\`), the facade about 5.6 ms, compose alone
3.5 ms. On that VM two full runs of one build gave 0.254 and 0.238 (the committed one) of what Powertools' import
adds for the env row, so its quarter is met or missed by the run; its +25 ms and the file rows' +40 ms hold with
room, as that machine starts \`node -e 0\` in about 54 ms against 92 to 130 ms on the AMD one of earlier records.
`,
  "6-credentials": `
Both awsconn variants share one STS call among 1,000 concurrent requests, at the start and across a refresh:
the credentials provider is memoized with one in-flight refresh, and \`getAwsClientConfig\` caches the client
configuration per connection and service (keyed by a fingerprint of the connection), so calling it per request
reuses the same provider. The clock is moved by replacing \`Date.now\` before any provider is created (every side
reads its clock through \`Date.now\`), to 4 minutes before the expiration the first phase returned: inside the
5-minute refresh window awsconn and the SDK both use, while the cached credentials are still valid. An AWS SDK client with
\`fromTemporaryCredentials\` also shares one call (the client memoizes its identity provider); calling the bare
\`fromTemporaryCredentials\` provider per request makes one STS call per request. "per request" costs more wall
time than "one config" because each call first resolves the connection, and env connections are read live
(parsed again on every lookup by design).
`,
  "7-memory": `
Issue 17 sets the target: at most 400 B per cached connection, with the redaction behaviour unchanged (the
planted-secret tests, not this bench, check that). What awsconn's bytes per cached connection are made of, read
off the bars:

- the \`Connection\` that \`parseConnectionJson\` returns ("part: awsconn Connection"): its fields, its strings
  and its \`extra\` object. \`createConnection()\` of the same fields costs what a plain object of them costs
  (the two "part"/"reference" bars): the protected connection keeps \`password\` and \`extra\` in private
  fields behind accessors shared by every connection, and \`toJSON\` and the inspect hook on its prototype;
- the resolver's cache entry (the rest of the awsconn bar): the source's hit (the connection and its version
  id) and the LRU slot. The hit's origin, \`secretsmanager:airflow/connections/<id>@<version>\`, is built when
  it is read (an own enumerable accessor whose getter, one per source, makes it from the hit's connection id
  and version: core's \`hitWithOrigin\`, 8dc4922); as a string kept per hit it was about 90 B of the bar. A
  cached \`get\` hands out the settled promise of the last hit asked for (one slot), not one promise per hit.

Each read of the in-memory backend answers a new copy of the stored text, as an SDK response is a new string.
Until December 2026 the sides were handed the stored strings themselves, and a parsed connection's long
fields were V8 views into its text ("sliced strings", 13 characters and up), which kept the whole text alive
in real use but cost nothing in this bench; the JSON parser now gives such fields strings of their own
(\`@awsconn/core\`, e6e9d96), and the URI parser too (7986397). Measured on this machine, before the heap was
measured after a second read: 620 B per connection before e6e9d96, 418-425 B after it; with the second read
that code held 497 B, and 325 B with the origin built when read and one settled promise (8dc4922), Powertools
316-325 B. Note that the resolver keeps at most \`cache.maxEntries\` ids (default 1,000); this scenario sets 20,000.
`,
  "8-credential-process": `
A profile's \`credential_process\` starts a fresh \`awsconn\` process every time an SDK or the AWS CLI needs
credentials (at start and before every expiry), and the caller waits for it to exit, so this row is start-up
time: Node itself (the \`node -e 0\` floor), the CLI framework and the command's modules, the configuration
(none for env; \`--config\` for file and Secrets Manager, JSON here, YAML reported), and for Secrets Manager
the SDK client and one \`GetSecretValue\`. The Secrets Manager target compares with the least a Node process can
do to get the same keys (the plain script: the same SDK client and one call, no parsing, no configuration), so
what awsconn adds there is everything but the SDK and the round trip. The connection holds static keys, so no
STS call is made on either side (one \`GetSecretValue\` each, counted by the proxy).

What limits it now: the \`awsconn\` bin runs the whole command as one CommonJS file (\`dist/awsconn.cjs\`:
the workspace packages, commander and yaml inlined; the AWS SDK, zod and lru-cache left to \`require\`) from
a V8 code cache kept in \`~/.cache/awsconn\`, so a start no longer resolves, reads and compiles about 20 ES
modules: it reads two files (about 400 kB of code and 350 kB of compiled code) and runs the top level of the
bundle's modules. What is left over \`node -e 0\` is that deserialization, Node's own modules the command
pulls in, and the lookup. Since d919523 the bundle requires \`child_process\` (which commander requires at
its top, and which loads \`net\`, \`dgram\` and Node's stream modules, about 5 ms) and \`fs/promises\` on
first use, and the resolver's memo of AWS client configurations is a plain bounded \`Map\`, so an env or file
connection loads no \`lru-cache\` (resolving and loading it was about 5-10 ms here). Since df93231 the command writes stdout and stderr
with \`fs.writeSync\` while they are pipes or files (\`cli/src/lazyOutput.ts\`): \`process.stdout\` for a pipe
set up Node's \`net\` socket and about 20 stream modules (3 to 5 ms in a fresh process); a terminal still gets
Node's stream. The Secrets Manager row also gets the SDK's modules from the code path the plain script takes, so its
ratio is close to 1. The first start after an install or upgrade compiles and writes the cache (the bench's
warm-up run does that here).
`,
  "9-lambda-bundle": `
A bundler includes every module reachable from the handler, dynamic \`import()\`s with a literal specifier
included (esbuild inlines them), so a lazy \`import()\` saves start-up time in Node but not bundle bytes. The
package table says which packages make up each bundle: for awsconn, whatever the handler's code path cannot
reach at run time but the bundle still carries (other sources' SDK clients, \`yaml\`, \`zod\`) is what separates
it from Powertools, whose secrets subpath imports only the Secrets Manager client. Cold init is the import of
the bundle (parsing and evaluating its top level, larger bundles cost more) plus the first invocation (one
\`GetSecretValue\` on moto and building the S3 client); both sides resolve the S3 client's credentials once.
"spawn to result" adds Node's own start.

What limits it now: awsconn's handler composes its resolver from the one source it reads
(\`composeResolver\` from awsconn/compose, \`fromSecretsManager\` from awsconn/secretsmanager), so its bundle holds
no SSM client, no file source, no \`yaml\`, no configuration file reader, and (since the facade imports
\`@awsconn/credentials/resolve\`, not the package's main entry, whose \`import()\` kept every export) no
\`@aws-sdk/client-sts\`; the \`createResolver\` handler, reported beside it, still carries all of them (a bundler
cannot drop what a \`{ type }\` string might select at run time). What is left over Powertools' bundle is awsconn's
own code on the handler's path: the Airflow connection parsers and redaction (\`@awsconn/core\`), the composer with
its configuration check and cache (\`awsconn\`, \`lru-cache\`), the aws connection reader
(\`@awsconn/credentials\`) and the bounded client set-up (\`@awsconn/aws-source-common\`), about 160 kB, plus
\`@aws-sdk/credential-providers\` (one CommonJS file, with its Cognito provider and nested client), about 20 kB, for
connections that name a role or a profile. Cold init follows the bundle's size: most of the difference is the
import, V8 parsing the larger file; the first invocation adds the connection's parsing and the client set-up.
Not met, and not within reach without dropping behaviour the handler's path may need (a connection's
\`role_arn\` is known only once it is read). The first invocation is longer too (about 6 ms on an Intel VM on 2
December 2026, timed inside the handler: \`resolver.get\` about 25 ms against \`getSecret\`'s 20.6 ms), mostly
because awsconn builds the Secrets Manager client, and so runs that client module's top level, on the first
lookup, where Powertools' bundle runs it during the import.
`,
  "10-install": `
What a user's \`npm install\` brings in, from the same tarballs \`pack:smoke\` tests (so local workspace links
cannot hide a dependency). The env/file-only app installs awsconn alone; the Secrets Manager app adds the
client the Secrets Manager source asks for (as a dependency or an optional peer); the Powertools app installs
\`@aws-lambda-powertools/parameters\` with the same client, as Powertools documents (its SDK clients are optional
peers). Third-party packages come from npm's cache or the registry at their current versions, so the absolute
sizes move as the AWS SDK releases; package counts move less.

When this was written the env/file-only app had no \`@aws-sdk/*\` package (the clients are optional peers), but
three \`@smithy/*\` packages, \`@smithy/core\` alone 2 MB, which \`@awsconn/aws-source-common\` and
\`@awsconn/credentials\` depend on directly; with \`zod\` (about 6 MB) and \`lru-cache\` (about 3 MB, most of it
its several builds) they make most of the install (see the largest-packages table). Powertools with the client
is smaller than awsconn with the same client because Powertools needs neither \`zod\` nor \`lru-cache\`.
`,
};
