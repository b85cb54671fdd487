package io.loaxa.scheduler;

import java.util.Optional;

/**
 * Whether a content file may air (duyệt tin): with approval on, what an operator put in waits for
 * an approver, and what an approver turned down never airs. Asked when the schedule names a file,
 * when an operator airs one, and again at air time.
 */
public interface ContentApproval {
  /** A station without approval: every file may air. */
  ContentApproval NONE = path -> Optional.empty();

  /**
   * Why the file may not air, in the operator's words; empty when it may.
   *
   * @param path as a segment writes it: relative to the content folder, or absolute
   */
  Optional<String> refusal(String path);
}
