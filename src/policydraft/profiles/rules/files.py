"""What files may be sent: how many, of which types, how large, and not copy-protected."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, field_validator

from policydraft.profiles.rendered import Rendered
from policydraft.profiles.rules.base import MAX_ATTACHMENTS, MAX_FILE_MB, BaseRule, SetUp

if TYPE_CHECKING:  # pypdf is imported where a PDF is read, not when a profile loads
    from policydraft.profiles.pdf_reading import RenderedPdf


class FileSizeRule(BaseRule):
    """Each attached file at most ``max_mb`` megabytes of 1,000,000 bytes."""

    codes: ClassVar[tuple[str, ...]] = ("PD612",)
    rule: Literal["file-size"]
    max_mb: float = Field(gt=0, le=MAX_FILE_MB, allow_inf_nan=False)

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1_000_000)

    def demands(self) -> str:
        return f"each attached file at most {self.max_mb:g} MB"

    def check_files(self, rendered: Rendered) -> None:
        for fmt, path in rendered.files.items():
            if fmt not in rendered.profile.attach:
                continue
            size = path.stat().st_size
            if size > self.max_bytes:
                message = (
                    f"the {fmt.upper()} is {size / 1_000_000:.1f} MB; "
                    f"{rendered.profile.name} allows at most {self.max_mb:g} MB per file"
                )
                self.broken(rendered, "PD612", message)


class FileTypesRule(BaseRule):
    """Attached files only of the ``allowed`` types (extensions)."""

    codes: ClassVar[tuple[str, ...]] = ("PD613",)
    rule: Literal["file-types"]
    allowed: list[str] = Field(min_length=1)

    @field_validator("allowed")
    @classmethod
    def _extensions(cls, value: list[str]) -> list[str]:
        return [item.strip().lower().lstrip(".") for item in value]

    def demands(self) -> str:
        return f"attached files of type {', '.join(self.allowed)}"

    def check_setup(self, setup: SetUp) -> None:
        profile = setup.profile
        for fmt in profile.attach:
            if fmt not in self.allowed:
                message = (
                    f"{profile.name} attaches a .{fmt} file, a type it does not allow "
                    f"(allowed: {', '.join(self.allowed)})"
                )
                self.broken(setup, "PD613", message)


class AttachmentsRule(BaseRule):
    """At most ``max`` attached files."""

    codes: ClassVar[tuple[str, ...]] = ("PD621",)
    rule: Literal["attachments"]
    max: int = Field(gt=0, le=MAX_ATTACHMENTS)

    def demands(self) -> str:
        return f"at most {self.max} attached file" + ("" if self.max == 1 else "s")

    def check_setup(self, setup: SetUp) -> None:
        profile = setup.profile
        if len(profile.attach) > self.max:
            message = (
                f"{profile.name} attaches {len(profile.attach)} files "
                f"({', '.join(profile.attach)}) but allows at most {self.max}"
            )
            self.broken(setup, "PD621", message)


class NotCopyProtectedRule(BaseRule):
    """The PDF is not encrypted."""

    codes: ClassVar[tuple[str, ...]] = ("PD614",)
    rule: Literal["not-copy-protected"]

    def demands(self) -> str:
        return "no encryption or copy protection"

    def check_pdf(self, rendered: Rendered, pdf: RenderedPdf) -> None:
        if pdf.encrypted:
            name = rendered.profile.name
            message = f"the PDF is encrypted; {name} asks for files not copy-protected"
            self.broken(rendered, "PD614", message)
