import { describeAwsSourcePrefixNull } from "@awsconn/testkit/contract";
import { fromSecretsManager } from "./fromSecretsManager.js";

describeAwsSourcePrefixNull("fromSecretsManager", (init) => fromSecretsManager(init));
