//! Notes on claims and groups: written in the Differences panel, saved with the workspace,
//! searchable and exported. A group note is kept by the claim it was written on, so it follows
//! that claim when groups change.

use super::App;
use crate::analysis::ClaimId;

impl App {
    /// Set a claim's note (`group`: the group note written on that claim). Typing one note is
    /// one undo step: the first change records, the following keystrokes on the same note
    /// don't.
    pub(super) fn set_note(&mut self, group: bool, claim: ClaimId, note: String) {
        let notes = if group {
            &self.workspace.group_notes
        } else {
            &self.workspace.claim_notes
        };
        let current = notes.get(&claim).map_or("", String::as_str);
        if current == note {
            return;
        }
        let target = (group, claim.clone());
        if self.ui.note_in_edit.as_ref() != Some(&target) {
            self.record(if group {
                "Edit group note"
            } else {
                "Edit claim note"
            });
            self.ui.note_in_edit = Some(target);
        }
        let notes = if group {
            &mut self.workspace.group_notes
        } else {
            &mut self.workspace.claim_notes
        };
        if note.trim().is_empty() {
            notes.remove(&claim);
        } else {
            notes.insert(claim, note);
        }
        // Notes are searched: the list is made again.
        self.order.key = None;
    }
}
