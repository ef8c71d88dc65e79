"""Presentations, their slides, tags and collections."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from slideshelf.lib.ids import new_public_id
from slideshelf.lib.text import cut_at_word

SLUG_LENGTH = 50
# The actions under a deck's address (`/p/<id>/<action>/`): no deck's slug may be one of them.
# The URL test fails when a route is added under /p/<id>/ without its name here.
RESERVED_SLUGS = frozenset(
    {"download", "delete", "report", "status.json", "transcript.md", "transcript.txt"}
)


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    UNLISTED = "unlisted", _("Unlisted")
    PRIVATE = "private", _("Private")


class Licence(models.TextChoices):
    """What others may do with a deck: all rights reserved, or a Creative Commons licence."""

    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
    CC_BY = "cc-by-4.0", _("CC BY 4.0: share and adapt, with credit")
    CC_BY_SA = (
        "cc-by-sa-4.0",
        _("CC BY-SA 4.0: share and adapt, with credit, under the same licence"),
    )
    CC_BY_ND = "cc-by-nd-4.0", _("CC BY-ND 4.0: share unchanged, with credit")
    CC_BY_NC = "cc-by-nc-4.0", _("CC BY-NC 4.0: share and adapt, with credit, not commercially")
    CC_BY_NC_SA = (
        "cc-by-nc-sa-4.0",
        _("CC BY-NC-SA 4.0: share and adapt, with credit, not commercially, same licence"),
    )
    CC_BY_NC_ND = (
        "cc-by-nc-nd-4.0",
        _("CC BY-NC-ND 4.0: share unchanged, with credit, not commercially"),
    )
    CC0 = "cc0-1.0", _("CC0 1.0: no rights reserved")

    @property
    def url(self) -> str:
        """The licence's deed at Creative Commons; empty for all rights reserved."""
        if self is Licence.ALL_RIGHTS_RESERVED:
            return ""
        if self is Licence.CC0:
            return "https://creativecommons.org/publicdomain/zero/1.0/"
        kind = self.value.removeprefix("cc-").removesuffix("-4.0")
        return f"https://creativecommons.org/licenses/{kind}/4.0/"

    @property
    def short_name(self) -> str:
        return str(self.label).split(":", 1)[0]


class TextSource(models.TextChoices):
    STRUCTURE = "structure", _("Slide structure")
    PDF = "pdf", _("PDF text layer")
    OCR = "ocr", _("Text recognition (OCR)")
    NONE = "none", _("No text")


class Tag(models.Model):
    name = models.CharField(max_length=64, unique=True)
    slug = models.SlugField(max_length=64, unique=True, allow_unicode=True)

    def __str__(self) -> str:
        return self.name

    @classmethod
    def named(cls, name: str) -> Tag:
        tag, _ = cls.objects.get_or_create(
            slug=slugify(name, allow_unicode=True)[:64], defaults={"name": name.strip()[:64]}
        )
        return tag


class Collection(models.Model):
    """An event (conference, seminar) or any named group of decks."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    date = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    def __str__(self) -> str:
        return self.name


def original_path(instance: Presentation, filename: str) -> str:
    return f"originals/{instance.public_id}/{filename}"


class Presentation(models.Model):
    public_id = models.CharField(max_length=32, unique=True, default=new_public_id, editable=False)
    title = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    language = models.CharField(max_length=16, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="presentations",
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    download_allowed = models.BooleanField(default=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="presentations")
    collection = models.ForeignKey(
        Collection, null=True, blank=True, on_delete=models.SET_NULL, related_name="presentations"
    )
    # The deck's place in its collection's running order (then the upload date).
    collection_position = models.PositiveIntegerField(default=0)
    licence = models.CharField(
        max_length=20, choices=Licence.choices, default=Licence.ALL_RIGHTS_RESERVED
    )
    # Hidden by staff after a report: only the owner and staff see it, and the owner is told why.
    hidden_by_staff = models.BooleanField(default=False)

    original = models.FileField(upload_to=original_path, max_length=300)
    original_name = models.CharField(max_length=255)
    original_sha256 = models.CharField(max_length=64, db_index=True)
    original_size = models.PositiveBigIntegerField(default=0)
    # One list per replacement that moved slides: entry n-1 is where old slide n went.
    # Slide links made before the k-th such replacement carry ?v=k (none for the first).
    slide_history = models.JSONField(default=list, blank=True)
    pdf = models.FileField(blank=True, max_length=300)
    pdf_size = models.PositiveBigIntegerField(default=0)
    # Bumped at every conversion, so stored images get new URLs and caches never serve old ones.
    revision = models.PositiveIntegerField(default=0)
    slide_count = models.PositiveIntegerField(default=0)

    # Counted without cookies or addresses: one page view, one increment.
    view_count = models.PositiveBigIntegerField(default=0)

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("presentation", args=[self.public_id, self.slug])

    @property
    def display_title(self) -> str:
        return self.title or self.original_name

    @property
    def slug(self) -> str:
        # ASCII (ö → o) and short, cut between words: addresses stay readable when copied into
        # mail and chat, and every slide link on the page repeats it.
        slug = slugify(self.display_title)
        if len(slug) > SLUG_LENGTH:
            cut = slug[: SLUG_LENGTH + 1]
            slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[:SLUG_LENGTH]
        slug = slug.strip("-") or "deck"
        # /p/<id>/download/ and friends are actions, so a deck called "Download" gets a suffix.
        return f"{slug}-deck" if slug in RESERVED_SLUGS else slug

    @property
    def slide_version(self) -> int:
        """The numbering that slide links made now refer to; 1 until a replacement moved slides."""
        return len(self.slide_history) + 1

    @property
    def slide_query(self) -> str:
        """What slide links made now carry, so a later replacement can tell what they meant."""
        return f"?v={self.slide_version}" if self.slide_version > 1 else ""

    @property
    def licence_info(self) -> Licence:
        return Licence(self.licence) if self.licence in Licence else Licence.ALL_RIGHTS_RESERVED

    @property
    def has_slides(self) -> bool:
        """Converted at least once: a replacement converting or refused leaves the old slides up."""
        return self.revision > 0

    @cached_property
    def slide_image_prefix(self) -> str:
        """Start of every slide image's address: the revision in it busts caches after a
        conversion, the audience after a change of who may see the deck."""
        args = [self.public_id, self.revision, self.audience, "1.webp"]
        return reverse("slide-image", args=args)[: -len("1.webp")]

    @property
    def audience(self) -> str:
        """Who may see the deck, as its image addresses say it: "public", "unlisted" or
        "private", and "-hidden" while staff hide it.

        Its images move with it, so a copy a shared cache kept while the deck was public is
        never linked once it is not, and that address answers 404 until the deck is public
        again (when the copy is the public's again). Only a public deck's images may be kept
        by shared caches; every other audience's are the visitor's browser's alone.
        """
        return self.visibility + ("-hidden" if self.hidden_by_staff else "")

    @property
    def page_version(self) -> str:
        """What a cached copy of the deck's page (or a fragment of it) was made from: its
        slides, its images' addresses, and its details."""
        return f"{self.pk}:{self.revision}:{self.audience}:{self.updated_at.timestamp()}"

    @property
    def media_folder(self) -> str:
        """Folder of every revision's derived files (PDF and slide images)."""
        return f"decks/{self.public_id}"

    def media_prefix(self, revision: int | None = None) -> str:
        """Folder of this deck's derived files for a revision (the current one by default)."""
        return f"{self.media_folder}/r{self.revision if revision is None else revision}"

    def set_visibility(self, visibility: str) -> None:
        """Who may see the deck, saved by the caller; a change moves its images."""
        self.visibility = visibility
        self.__dict__.pop("slide_image_prefix", None)

    def hide_by_staff(self, hidden: bool) -> None:
        """Hidden after a report, or shown again; only these columns are written, and
        updated_at, so cached copies of the deck's page are not served any more."""
        self.hidden_by_staff = hidden
        self.__dict__.pop("slide_image_prefix", None)
        self.save(update_fields=["hidden_by_staff", "updated_at"])


class Slide(models.Model):
    presentation = models.ForeignKey(Presentation, on_delete=models.CASCADE, related_name="slides")
    number = models.PositiveIntegerField()
    title = models.TextField(blank=True)
    text = models.TextField(blank=True, help_text="Body text in reading order.")
    notes = models.TextField(blank=True)
    alt_texts = models.TextField(blank=True)
    table_text = models.TextField(blank=True)
    ocr_text = models.TextField(
        blank=True, help_text="Words recognised in the slide's pictures, apart from its own."
    )
    text_source = models.CharField(max_length=10, choices=TextSource.choices)
    hidden = models.BooleanField(default=False, help_text="Hidden in the original deck.")
    image = models.CharField(max_length=300, blank=True)
    thumbnail = models.CharField(max_length=300, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    thumb_width = models.PositiveIntegerField(default=0)
    thumb_height = models.PositiveIntegerField(default=0)
    # The same two pictures for screens of twice the pixel density, drawn after the deck is
    # shown: "" and 0 until then, and for decks converted before there were any.
    image_2x = models.CharField(max_length=300, blank=True)
    thumbnail_2x = models.CharField(max_length=300, blank=True)
    width_2x = models.PositiveIntegerField(default=0)
    thumb_width_2x = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["presentation", "number"], name="unique_slide_number")
        ]

    def __str__(self) -> str:
        return f"{self.presentation_id} #{self.number}"

    def image_url(self) -> str:
        return f"{self.presentation.slide_image_prefix}{self.number}.webp"

    def thumbnail_url(self) -> str:
        return f"{self.presentation.slide_image_prefix}{self.number}-thumb.webp"

    def image_srcset(self) -> str:
        """The viewer's picture at 1× and 2×, for `srcset`; "" until the 2× one is drawn."""
        if not self.image_2x:
            return ""
        start = f"{self.presentation.slide_image_prefix}{self.number}"
        return f"{start}.webp {self.width}w, {start}@2x.webp {self.width_2x}w"

    def thumbnail_srcset(self) -> str:
        """The thumbnail at 1× and 2×, for `srcset`; "" until the 2× one is drawn."""
        if not self.thumbnail_2x:
            return ""
        start = f"{self.presentation.slide_image_prefix}{self.number}-thumb"
        return f"{start}.webp {self.thumb_width}w, {start}@2x.webp {self.thumb_width_2x}w"

    @property
    def alt(self) -> str:
        """Alt text for the slide image, drawn from what the slide says."""
        # The title says what the slide is about; its full text follows in the transcript.
        return cut_at_word(self.title or self.text or self.ocr_text, 120) or f"Slide {self.number}"

    @property
    def table_list(self) -> list[str]:
        """Each table (and chart's data) on the slide, as text."""
        return [table for table in self.table_text.split("\n\n") if table]

    @property
    def alt_text_list(self) -> list[str]:
        """Each picture's description on the slide."""
        return [alt for alt in self.alt_texts.split("\n") if alt]

    @property
    def full_text(self) -> str:
        """Everything a visitor can read on the slide, in order."""
        parts = [self.title, self.text, self.table_text, self.alt_texts, self.ocr_text]
        return "\n".join(part for part in parts if part)


def with_cards(decks: QuerySet[Presentation]) -> QuerySet[Presentation]:
    """What a card shows: the uploader and the first slide's thumbnail, in two queries."""
    return decks.select_related("owner").prefetch_related(FIRST_SLIDE)


# A card's picture: `deck.first_slides`, a list of at most one slide.
FIRST_SLIDE = Prefetch("slides", Slide.objects.filter(number=1), to_attr="first_slides")
