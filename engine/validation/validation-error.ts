export type ValidationCode =
  | "invalid_graph"
  | "duplicate_node_id"
  | "duplicate_edge_id"
  | "unknown_kind"
  | "edge_unknown_source"
  | "edge_unknown_target"
  | "edge_invalid_handle"
  | "self_loop"
  | "duplicate_edge"
  | "missing_trigger"
  | "multiple_triggers"
  | "edge_into_trigger"
  | "cycle"
  | "trigger_not_connected"
  | "unreachable_node"
  | "action_without_upstream"
  | "branch_not_connected"
  | "invalid_config"
  | "node_does_not_fit_trigger"
  | "template_too_long"
  | "template_syntax"
  | "template_unknown_filter"
  | "template_unknown_variable"
  | "too_many_nodes"
  | "too_many_webhooks"
  | "webhook_url_refused"
  | "internal_error";

export interface ValidationError {
  nodeId?: string;
  edgeId?: string;
  /** For branch errors: which output ("true" / "false"). */
  handle?: string;
  /** For config errors: the setting concerned, e.g. "body" or "urls.1". */
  field?: string;
  code: ValidationCode;
  message: string;
  severity: "error" | "warning";
}

/** Rules produce errors; the mode decides later which are only warnings. */
export type RuleFinding = Omit<ValidationError, "severity">;
