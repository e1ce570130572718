import { describeAwsSourcePrefixNull } from "@awsconn/testkit/contract";
import { fromSsm } from "./fromSsm.js";

describeAwsSourcePrefixNull("fromSsm", (init) => fromSsm(init));
