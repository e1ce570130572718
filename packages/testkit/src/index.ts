export {};
export {
  startImdsFake,
  type ImdsFake,
  type ImdsFakeOptions,
  type ImdsFakeCredentials,
  type ImdsFakeRequest,
} from "./imdsFake.js";
