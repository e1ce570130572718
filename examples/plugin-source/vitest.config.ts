import { awsconnProject } from "../../vitest.project.js";

export default awsconnProject("awsconn-source-dir");
