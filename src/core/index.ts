/** The engine's public surface: strings in, plain data out. No 'vscode', no file system. */
export * from './finding';
export type { Rule, RuleMeta, RuleContext, Report, FixAvailability } from './rule';
export { lint, ready, atOrAbove, looksBinary, clearCaches, MAX_TEXT_LENGTH } from './engine';
export { lintAndCheck, shellcheckText, type ShellcheckRunner, type ExternalTools } from './pipeline';
export type { LintEnv } from './language';
export * from './config';
// the kinds, and each kind's public API (its configuration file parsers, its targets)
export * from './languages/index';
export { allRules, findRule, severitySettingFor, unknownRuleKeys } from './registry';
export { setAssetLoader, hasAssetLoader, loadAsset, loadJsonAsset } from './assets';
export { knowledgeBase, ruleDoc, topics, topic, searchTopics } from './knowledge/index';
export type { RuleDoc, Topic, KnowledgeBase } from './knowledge/schema';
export { kindOf } from './kinds';
export { templateOf, detectTemplate, readTemplate, untemplatedName, isPlaceholderValue, SYNTAX_LABEL, onTemplateCode, unfaithfulLines, type TemplateReading, type TemplateSyntax } from './template/index';
export { applyFixes, fixAll, planFixes, fixText, diffEdit, editsConflict, type FixPlan, type FixSelection, type FixRound, type FixTextResult } from './fixes';
export { LineIndex, boundMessage, didYouMean, editDistance } from './text';
export { rangeProblem, repairRange, rangeStats, resetRangeStats } from './ranges';
export { NotLinted } from './general';
export { parseCacheStats } from './parsecache';
export { hoverAt, completionsAt, ignoreEdit, symbols, type HoverInfo, type CompletionInfo, type SymbolInfo, type IgnoreStyle } from './editor';
export { ruleMarkdown, ruleHoverMarkdown, topicMarkdown, ruleTitle, firstSentence, searchRules, isUserRule } from './docs';
