"""Benchmark the renditions of one 40-megapixel photo (7700×5200 JPEG, 9 MB): the old way
against the new.

    .venv/bin/python bench/bench_renditions.py            (from the project root)

Old: each page request made each rendition it needed the first time, decoding the original
once per rendition; four readers ask for the new story's page at once (four threads).
New: one background task decodes the original once and makes all ten renditions; four
workers given the image at once (four threads) make them once, under the lock.
Also: what a page pays to read the renditions once they exist.

Each way runs in its own process; its peak memory is the highest resident size sampled
while it works, less what the process held before it started. Numbers
are printed, never asserted.
"""

import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from io import BytesIO
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
SIZE = (7700, 5200)
NAME = "articles/2026/12/big.jpg"
READERS = 4
RUNS = {"old": 3, "new": 5, "new-4-workers": 5}


def make_photo(path: Path) -> None:
    """A noisy gradient, which compresses like a photo (about 9 MB at quality 85)."""
    from PIL import Image

    gradient = Image.linear_gradient("L").resize(SIZE)
    channels = [
        Image.blend(gradient, Image.effect_noise(SIZE, 30).convert("L"), 0.35) for _ in range(3)
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.merge("RGB", channels).save(path, "JPEG", quality=85)


def set_up_django(media: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["MEDIA_ROOT"] = str(media)
    os.environ["NEWSROOM_TASKS"] = "immediate"
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


# The old way, as reader/renditions.py did it before renditions moved to a background task.


def old_rendition(width, height, target_width, *, extension="webp", ratio=None):
    from django.core.files.storage import default_storage

    target_width = min(target_width, width)
    if ratio:
        size = (target_width, round(target_width * ratio[1] / ratio[0]))
    else:
        size = (target_width, round(height * target_width / width))
    stem = PurePosixPath(NAME).with_suffix("")
    suffix = f"-{ratio[0]}x{ratio[1]}" if ratio else ""
    name = f"renditions/{stem}-{target_width}{suffix}.{extension}"
    if not default_storage.exists(name):
        old_make(name, size, extension, crop=bool(ratio))
    return default_storage.url(name), size


def old_make(name, size, extension, *, crop):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image, ImageOps

    pillow_format = {"webp": "WEBP", "jpg": "JPEG"}[extension]
    with default_storage.open(NAME, "rb") as source, Image.open(source) as picture:
        picture = ImageOps.exif_transpose(picture)
        if crop:
            picture = ImageOps.fit(picture, size, Image.Resampling.LANCZOS)
        else:
            picture = picture.resize(size, Image.Resampling.LANCZOS)
        if pillow_format == "JPEG" and picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        buffer = BytesIO()
        picture.save(buffer, pillow_format, quality=82, optimize=True)
    default_storage.save(name, ContentFile(buffer.getvalue()))


def old_page_request():
    """What one article page asked for: the <picture>, the social card, the three crops."""
    width, height = SIZE
    for target in sorted({min(w, width) for w in (480, 960, 1440)}):
        old_rendition(width, height, target, extension="webp")
    for target in sorted({min(w, width) for w in (480, 960, 1440)}):
        old_rendition(width, height, target, extension="jpg")
    old_rendition(width, height, 1200, extension="jpg", ratio=(1200, 630))
    for ratio in ((16, 9), (4, 3), (1, 1)):
        old_rendition(width, height, 1200, extension="jpg", ratio=ratio)


def new_worker():
    from reader import renditions

    with contextlib.suppress(renditions.RenditionsBusy):
        renditions.make_all_renditions(NAME)


def in_parallel(function, count: int) -> None:
    threads = [threading.Thread(target=function) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def read_cost(media: Path) -> dict:
    """Microseconds a page spends on its image: new (manifest) and old (files exist)."""
    from articles.models import Article
    from reader import renditions

    renditions.make_all_renditions(NAME)
    image = Article(hero_image=NAME, hero_width=SIZE[0], hero_height=SIZE[1]).hero_image

    def new_page():
        renditions.picture(image)
        renditions.share_image(image)
        renditions.structured_data_images(image)

    runs = 2000
    results = {}
    for label, page in (("new", new_page), ("old", old_page_request)):
        page()
        started = time.perf_counter()
        for _ in range(runs):
            page()
        results[label] = round((time.perf_counter() - started) / runs * 1e6, 1)
    return results


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class PeakMemory:
    """Sample the process's resident memory every 2 ms; keep the highest."""

    def __enter__(self):
        self.start = self.peak = resident_mb()
        self._done = threading.Event()
        self._sampler = threading.Thread(target=self._sample)
        self._sampler.start()
        return self

    def _sample(self):
        while not self._done.wait(0.002):
            self.peak = max(self.peak, resident_mb())

    def __exit__(self, *exc):
        self._done.set()
        self._sampler.join()


def run_one(mode: str, media: Path) -> None:
    """Run one way in this process and print its numbers as JSON."""
    set_up_django(media)
    if mode == "read":
        print(json.dumps(read_cost(media)))
        return
    from PIL import Image, WebPImagePlugin  # noqa: F401

    Image.init()  # every format plugin loaded before measuring

    with PeakMemory() as memory:
        started = time.perf_counter()
        if mode == "old":
            in_parallel(old_page_request, READERS)
        elif mode == "new":
            new_worker()
        elif mode == "new-4-workers":
            in_parallel(new_worker, READERS)
        seconds = time.perf_counter() - started
    files = [path for path in (media / "renditions").rglob("*") if path.is_file()]
    images = [path for path in files if path.suffix in (".webp", ".jpg")]
    print(
        json.dumps(
            {"seconds": round(seconds, 2), "peak_mb": round(memory.peak - memory.start),
             "files": len(images)}
        )
    )  # fmt: skip


def run(mode: str, photo: Path, media: Path) -> dict:
    """Run `mode` in a fresh process on a fresh copy of the photo; return its numbers."""
    (media / NAME).parent.mkdir(parents=True)
    (media / NAME).write_bytes(photo.read_bytes())
    output = subprocess.run(
        [sys.executable, __file__, mode, str(media)], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        photo = Path(folder) / "photo.jpg"
        make_photo(photo)
        print(
            f"{SIZE[0]}×{SIZE[1]} JPEG, {photo.stat().st_size / 1e6:.1f} MB; {os.cpu_count()} cores"
        )
        modes = {
            "old": f"old: {READERS} readers at once, in their requests",
            "new": "new: one background task",
            "new-4-workers": f"new: {READERS} workers at once (lock)",
        }
        for mode, label in modes.items():
            runs = [run(mode, photo, Path(folder) / f"{mode}-{n}") for n in range(RUNS[mode])]
            seconds = statistics.median(numbers["seconds"] for numbers in runs)
            peak = max(numbers["peak_mb"] for numbers in runs)
            files = sorted({numbers["files"] for numbers in runs})
            print(
                f"{label:40} {seconds:6.2f} s  peak memory +{peak:5} MB  "
                f"{'–'.join(map(str, files[:: max(1, len(files) - 1)])):>5} files"
                f"  (median of {len(runs)})"
            )
        cost = run("read", photo, Path(folder) / "read")
        print(
            f"a page's image work once renditions exist: new {cost['new']} µs (3 manifest "
            f"reads), old {cost['old']} µs (10 exists checks)"
        )


if __name__ == "__main__":
    if len(sys.argv) == 3:
        run_one(sys.argv[1], Path(sys.argv[2]))
    else:
        main()
