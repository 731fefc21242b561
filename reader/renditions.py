"""Image renditions: smaller copies of uploads in WebP with a JPEG fallback, made once and kept.

Every rendition an image needs (three widths in two formats, the social card, the three crops
search engines ask for) is made in one go, in the background, right after the upload
(`reader.image_tasks`): the original is decoded once, shrunk once, and each size is cut from
that copy. A small manifest, written last under `renditions/`, says they are all there and how
big each is. Pages only read that manifest; while it is missing they show the original upload
at its own size and ask for the renditions, so a reader never waits for an image to be resized.
Images are never enlarged.
"""

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from hashlib import sha256
from io import BytesIO
from math import ceil
from pathlib import Path, PurePosixPath
from uuid import uuid4

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.dispatch import Signal
from PIL import ExifTags, Image, ImageOps

WIDTHS = (480, 960, 1440)
FORMATS = {"webp": ("WEBP", "image/webp"), "jpg": ("JPEG", "image/jpeg")}
SHARE_SIZE = (1200, 630)  # Open Graph and Twitter cards
STRUCTURED_DATA_RATIOS = ((16, 9), (4, 3), (1, 1))  # what search engines ask for
CROP_WIDTH = 1200
QUALITY = 82
# Decode a JPEG at no less than twice the size needed (Pillow's `thumbnail` rule), and resample
# with Lanczos after a cheap integer shrink to three times the target (Pillow's docs: "in most
# cases indistinguishable" from resampling the whole image).
REDUCING_GAP = 2.0
RESIZE_GAP = 3.0
LOCK_SECONDS = 300  # a maker that died holding the lock holds it no longer than this
ASK_AGAIN_SECONDS = 300  # a page asks for missing renditions at most this often per image

# Sent with `name` (the original's storage name) when a page showed an original because its
# renditions are not made yet; reader.image_tasks has them made.
renditions_wanted = Signal()


class RenditionsBusy(Exception):
    """Another worker is making the renditions of this image right now."""


class UnreadableImage(Exception):
    """The stored original cannot be decoded as an image."""


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """Everything a <picture> element needs."""

    webp_srcset: str
    jpeg_srcset: str
    src: str
    width: int
    height: int


@dataclass(frozen=True)
class Target:
    """One rendition to make: its key in the manifest, storage name, size and shape."""

    key: str
    name: str
    size: tuple[int, int]
    crop: bool
    extension: str


# Reading: what pages call. One small file read per call; never a resize.


def rendition(image, target_width: int, *, extension: str = "webp", ratio=None) -> Rendition | None:
    """Return the stored rendition of `image` at `target_width` (cropped to `ratio` if given),
    or the original upload while the renditions are being made."""
    if not _has_file(image):
        return None
    manifest = _manifest(image)
    if manifest is None:
        return _original(image)
    if ratio:
        found = manifest["files"].get(f"{ratio[0]}x{ratio[1]}.{extension}")
    else:
        found = manifest["files"].get(f"{_nearest_width(manifest, target_width)}.{extension}")
    return _stored(found) if found else _original(image)


def picture(image) -> Picture | None:
    """Return the srcsets for a responsive <picture> of `image`, or None when there is none."""
    if not _has_file(image):
        return None
    manifest = _manifest(image)
    if manifest is None:
        original = _original(image)
        if original is None:
            return None
        srcset = f"{original.url} {original.width}w"
        return Picture(srcset, srcset, original.url, original.width, original.height)
    webp = [_stored(manifest["files"][f"{width}.webp"]) for width in manifest["widths"]]
    jpeg = [_stored(manifest["files"][f"{width}.jpg"]) for width in manifest["widths"]]
    largest = jpeg[-1]
    return Picture(
        webp_srcset=", ".join(f"{r.url} {r.width}w" for r in webp),
        jpeg_srcset=", ".join(f"{r.url} {r.width}w" for r in jpeg),
        src=largest.url,
        width=largest.width,
        height=largest.height,
    )


def share_image(image) -> Rendition | None:
    """Return the 1200×630 crop used by social cards (the original while it is being made)."""
    return rendition(image, SHARE_SIZE[0], extension="jpg", ratio=SHARE_SIZE)


def structured_data_images(image) -> list[str]:
    """Return absolute-ready URLs of the 16:9, 4:3 and 1:1 crops search engines prefer (only
    the original's while they are being made)."""
    if not _has_file(image):
        return []
    manifest = _manifest(image)
    if manifest is None:
        original = _original(image)
        return [original.url] if original else []
    return [
        _stored(manifest["files"][f"{ratio[0]}x{ratio[1]}.jpg"]).url
        for ratio in STRUCTURED_DATA_RATIOS
    ]


def are_ready(image_name: str) -> bool:
    """Say whether every rendition of the stored image `image_name` is made."""
    return default_storage.exists(manifest_name(image_name))


def manifest_name(image_name: str) -> str:
    return f"renditions/{_stem(image_name)}.json"


def _has_file(image) -> bool:
    return bool(image and image.name)


def _manifest(image) -> dict | None:
    """Read the manifest of `image`; when there is none yet, ask for the renditions."""
    try:
        with default_storage.open(manifest_name(image.name), "rb") as stored:
            return json.load(stored)
    except (FileNotFoundError, ValueError):  # not made yet, or being replaced
        if cache.add(_cache_key("wanted", image.name), True, ASK_AGAIN_SECONDS):
            renditions_wanted.send(sender=Rendition, name=image.name)
        return None


def _stored(entry) -> Rendition:
    name, width, height = entry
    return Rendition(url=default_storage.url(name), width=width, height=height)


def _nearest_width(manifest: dict, target_width: int) -> int:
    """Return the narrowest made width at least `target_width` wide, else the widest."""
    wide_enough = [width for width in manifest["widths"] if width >= target_width]
    return wide_enough[0] if wide_enough else manifest["widths"][-1]


def _original(image) -> Rendition | None:
    """Return the original upload as a rendition, at the size the model recorded."""
    size = _recorded_size(image)
    if size is None:
        return None
    return Rendition(url=image.url, width=size[0], height=size[1])


def _recorded_size(image) -> tuple[int, int] | None:
    """Return the size stored in the model's width and height fields, which costs nothing;
    only an image field without them opens the file."""
    field = getattr(image, "field", None)
    instance = getattr(image, "instance", None)
    if field is not None and field.width_field and field.height_field:
        width = getattr(instance, field.width_field, None)
        height = getattr(instance, field.height_field, None)
        if width and height:
            return width, height
    try:
        width, height = image.width, image.height
    except (OSError, ValueError):
        return None
    return (width, height) if width and height else None


# Making: what the background task calls.


def make_all_renditions(image_name: str) -> int | None:
    """Make every rendition the stored image `image_name` needs, from one decode of it.

    Return how many files this call wrote (files already stored at the right size are kept),
    or None when the renditions were all made before it. Raise RenditionsBusy while another
    worker makes them, UnreadableImage when the original is not an image, FileNotFoundError
    when it is gone.
    """
    if are_ready(image_name):
        return None
    with _exclusive(image_name):
        if are_ready(image_name):  # made while we were getting the lock
            return None
        return _make_missing(image_name)


def plan_renditions(image_name: str, width: int, height: int) -> list[Target]:
    """Return every rendition of an image `width`×`height` (upright), largest first."""
    stem = _stem(image_name)
    targets = []
    for target_width in sorted({min(w, width) for w in WIDTHS}, reverse=True):
        size = (target_width, max(1, round(height * target_width / width)))
        for extension in FORMATS:
            name = f"renditions/{stem}-{target_width}.{extension}"
            targets.append(Target(f"{target_width}.{extension}", name, size, False, extension))
    crop_width = min(CROP_WIDTH, width)
    for ratio in (SHARE_SIZE, *STRUCTURED_DATA_RATIOS):
        shape = f"{ratio[0]}x{ratio[1]}"
        size = (crop_width, max(1, round(crop_width * ratio[1] / ratio[0])))
        name = f"renditions/{stem}-{crop_width}-{shape}.jpg"
        targets.append(Target(f"{shape}.jpg", name, size, True, "jpg"))
    return targets


@contextmanager
def _exclusive(image_name: str) -> Iterator[None]:
    """Hold the lock on making `image_name`'s renditions, or raise RenditionsBusy.

    The lock lives in the cache, which every worker on every machine shares in production
    (Redis), and expires by itself if its holder dies.
    """
    key, token = _cache_key("lock", image_name), uuid4().hex
    if not cache.add(key, token, LOCK_SECONDS):
        raise RenditionsBusy(image_name)
    try:
        yield
    finally:
        if cache.get(key) == token:
            cache.delete(key)


def _make_missing(image_name: str) -> int:
    with default_storage.open(image_name, "rb") as source:
        with _decoding(image_name):
            original = Image.open(source)
        with original:
            with _decoding(image_name):
                upright = _upright_size(original)
            targets = plan_renditions(image_name, *upright)
            missing = [target for target in targets if not _already_stored(target)]
            if missing:
                with _decoding(image_name):
                    working = _decode_once(original, missing, upright)
                _write_renditions(working, missing)
    _store(manifest_name(image_name), _manifest_for(image_name, upright, targets))
    return len(missing)


@contextmanager
def _decoding(image_name: str) -> Iterator[None]:
    """Turn Pillow's many ways of saying "this is not an image I can read" into one."""
    try:
        yield
    except (OSError, ValueError, EOFError, SyntaxError, Image.DecompressionBombError) as error:
        raise UnreadableImage(image_name) from error  # not an image, truncated or damaged


def _upright_size(original: Image.Image) -> tuple[int, int]:
    """Return the size of `original` as it is meant to be seen (EXIF orientation applied)."""
    width, height = original.size
    if original.getexif().get(ExifTags.Base.Orientation) in (5, 6, 7, 8):
        return height, width
    return width, height


def _already_stored(target: Target) -> bool:
    """Say whether `target` is stored at its size (reading its header only)."""
    try:
        with default_storage.open(target.name, "rb") as stored, Image.open(stored) as image:
            return image.size == target.size
    except (OSError, ValueError, SyntaxError):  # missing or not an image
        return False


def _decode_once(
    original: Image.Image, targets: list[Target], upright: tuple[int, int]
) -> Image.Image:
    """Decode `original` once, upright, and shrink it to the size the largest of `targets`
    needs: every rendition is then cut from that small copy.

    A JPEG is decoded straight at 1/2, 1/4 or 1/8 of its size when that still leaves twice
    what is needed (libjpeg's draft mode), so a 40-megapixel photo never sits in memory at
    full size.
    """
    scale = min(1.0, max(_scale_needed(t.size, t.crop, upright) for t in targets))
    needed = (max(1, ceil(upright[0] * scale)), max(1, ceil(upright[1] * scale)))
    draft = (ceil(needed[0] * REDUCING_GAP), ceil(needed[1] * REDUCING_GAP))
    original.draft(None, draft if original.size == upright else draft[::-1])
    ImageOps.exif_transpose(original, in_place=True)
    working = original
    if working.mode not in ("RGB", "RGBA"):
        working = working.convert("RGBA" if _has_alpha(working) else "RGB")
    if working.size == needed:
        return working
    return working.resize(needed, Image.Resampling.LANCZOS, reducing_gap=RESIZE_GAP)


def _scale_needed(size: tuple[int, int], crop: bool, upright: tuple[int, int]) -> float:
    if crop:  # the crop fills `size`, so the short side decides
        return max(size[0] / upright[0], size[1] / upright[1])
    return size[0] / upright[0]


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def _write_renditions(working: Image.Image, targets: list[Target]) -> None:
    """Resize once per size, encode once per format, store each file under its final name."""
    resized: dict[tuple[tuple[int, int], bool], Image.Image] = {}
    for target in targets:
        shape = (target.size, target.crop)
        if shape not in resized:
            resized[shape] = _resize(working, target)
        _store(target.name, _encode(resized[shape], target.extension))


def _resize(working: Image.Image, target: Target) -> Image.Image:
    """Resize (cropped to fill `target.size`, centred, if it is a crop) with Lanczos, after a
    cheap integer shrink down to `RESIZE_GAP` times the target."""
    box = _centred_box(working.size, target.size) if target.crop else None
    return working.resize(target.size, Image.Resampling.LANCZOS, box=box, reducing_gap=RESIZE_GAP)


def _centred_box(size: tuple[int, int], shape: tuple[int, int]) -> tuple[float, ...]:
    """Return the largest box of `shape`'s proportions in the middle of an image of `size`."""
    width, height = size
    ratio = shape[0] / shape[1]
    if width / height > ratio:  # wider than the shape: trim the sides
        left = (width - height * ratio) / 2
        return (left, 0, width - left, height)
    top = (height - width / ratio) / 2
    return (0, top, width, height - top)


def _encode(image: Image.Image, extension: str) -> bytes:
    pillow_format, _ = FORMATS[extension]
    if pillow_format == "JPEG" and image.mode != "RGB":
        flat = Image.new("RGB", image.size, "white")  # transparent parts become white, not black
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    buffer = BytesIO()
    image.save(buffer, pillow_format, quality=QUALITY, optimize=True)
    return buffer.getvalue()


def _manifest_for(image_name: str, upright: tuple[int, int], targets: list[Target]) -> bytes:
    widths = sorted({target.size[0] for target in targets if not target.crop})
    files = {target.key: [target.name, *target.size] for target in targets}
    manifest = {"source": image_name, "width": upright[0], "height": upright[1]}
    return json.dumps({**manifest, "widths": widths, "files": files}).encode()


def _store(name: str, content: bytes) -> None:
    """Store `content` under `name` in one step: written beside it, then renamed over it, so
    nobody ever reads half a file and a second writer never makes a `name_x7Ab2.jpg` copy."""
    try:
        path = Path(default_storage.path(name))
    except NotImplementedError:  # a remote storage: its uploads appear whole
        if default_storage.exists(name):
            default_storage.delete(name)
        default_storage.save(name, ContentFile(content))
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{uuid4().hex}.part")
    partial.write_bytes(content)
    os.replace(partial, path)


def _stem(image_name: str) -> str:
    return str(PurePosixPath(image_name).with_suffix(""))


def _cache_key(purpose: str, image_name: str) -> str:
    return f"newsroom:renditions:{purpose}:{sha256(image_name.encode()).hexdigest()}"
