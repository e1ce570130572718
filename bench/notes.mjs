// Hand-written parts of bench/README.md: the method, and per scenario what the numbers mean and,
// where a target is missed, what limits it. Kept here so a re-run regenerates the README around them.

export const INTRO = `
\`npm run bench\` (from the repository root: build, then \`node bench/run.mjs\`) measures awsconn side by
side with its peers in one run against one moto server, which the bench starts and stops itself:

- **Powertools Parameters** (\`@aws-lambda-powertools/parameters\`): \`SecretsProvider\` / \`SSMProvider\` with
  \`maxAge: 300\` (the same cache age as awsconn's \`ttlSeconds: 300\`) and \`transform: "json"\`;
- the **raw AWS SDK** call (\`GetSecretValue\`, \`GetParameter\`, \`fromTemporaryCredentials\`);
- a **naive per-lookup loop**: one API call per lookup, which is what Airflow does without its cache.

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

\`node bench/run.mjs 1 3\` runs only scenarios 1 and 3 (merged into \`results.json\`). The run finishes in
well under 5 minutes on 2 cores. \`results.json\` holds every sample; the SVGs are drawn from it by
\`lib/svg.mjs\`.
`;

export const NOTES = {};
