export { cosine, dot, norm, type Vec } from "./cosine";
export { add, mean, scale, subtract } from "./arithmetic";
export {
  ExpressionError,
  evaluateExpression,
  formatExpression,
  parseExpression,
  type Term,
} from "./expression";
export { nearest, type Neighbor } from "./neighbors";
export { contextualVector, type HiddenStates, type TokenSpan } from "./contextual";
export { pca, project, type PcaOptions, type Projection } from "./pca";
export { parseEquation, type Equation } from "./equation";
export { expressionMap, type ExpressionMap, type MapArrow, type Point2 } from "./expression-map";
