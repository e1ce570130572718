// Start-up probe: import Powertools' secrets subpath (as a Lambda handler module would), then exit.
import { SecretsProvider } from "@aws-lambda-powertools/parameters/secrets";

if (typeof SecretsProvider !== "function") process.exit(1);
