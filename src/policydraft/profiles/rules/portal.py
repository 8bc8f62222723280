"""What the agency's portal or mailbox asks beside the files: a limit on the comment box's
text, and words the e-mail's subject line must contain."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from policydraft.profiles.rules.base import MAX_WORDS, BaseRule, SetUp


class CommentBoxRule(BaseRule):
    """The portal's comment box takes at most ``max_characters``: ``package`` writes its
    comment.txt within them (PD620 when even its heading does not fit)."""

    codes: ClassVar[tuple[str, ...]] = ("PD620",)  # raised by `package`, with this limit
    rule: Literal["comment-box"]
    max_characters: int = Field(gt=0, le=MAX_WORDS)

    def demands(self) -> str:
        return f"comment box text of at most {self.max_characters:,} characters"

    def comment_limit(self) -> int:
        return self.max_characters


class EmailSubjectRule(BaseRule):
    """The e-mail that sends the comment has ``contains`` in its subject line: nothing here
    sends e-mail, so ``check`` prints it as a note and ``package`` writes it to the manifest."""

    codes: ClassVar[tuple[str, ...]] = ("PD691",)
    rule: Literal["email-subject"]
    contains: str = Field(min_length=1)

    def demands(self) -> str:
        return f"an e-mail subject line containing '{self.contains}'"

    def check_setup(self, setup: SetUp) -> None:
        message = (
            f"{setup.profile.name}: send the e-mail with '{self.contains}' in its subject line "
            f"({self.source})"
        )
        setup.diags.note("PD691", message, setup.where)
