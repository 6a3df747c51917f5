// Public surface of the code tabs: the component and the pure generators behind it.
export { CodeTabs, type CodeTabsProps } from "./CodeTabs";
export {
  CODE_LANGUAGES,
  endpointUrl,
  toCurl,
  toFetch,
  toNodeClient,
  toPython,
  toRuby,
  type CodeInput,
  type CodeLanguage,
} from "./generate";
