"""How the simulator's location searches page (--paging). `full`: every page is reached through its
continuationToken. The `documented` modes follow the Charge Assist walkthrough ("We do provide a
continuation token, but have not yet implemented a functionality to call further locations"): a first
page (at most 50 for a bounding box), hasMoreData and a token, and no page after it. What the service
answers when that token comes back is not written down; `documented` answers the first page again,
the variants an empty page or a 400 (README, "Paging")."""
from ..web import ApiError

FULL = "full"
MODES = {
    FULL: "every page reachable through its continuationToken",
    "documented": "the walkthrough's limit: the token leads nowhere, sent back it gets the first page again",
    "documented-empty": "the same limit; the token sent back gets an empty page with hasMoreData false",
    "documented-refuse": "the same limit; the token sent back is refused (400 INVALID_CONTINUATION_TOKEN)",
}
END = -1  # the window past the last page: no data, nothing more


def start_of(mode, token, decode):
    """Where the page asked for with this continuationToken header starts under `mode`: an offset
    (0 without a token), or END. `decode(token)` gives a token's offset, or raises the 400 for a token
    that does not belong to the query."""
    if not token or mode == "documented":
        return 0  # the header is not read at all: the same query gives the same first page
    offset = decode(token)
    if mode == "documented-empty":
        return END
    if mode == "documented-refuse":
        raise ApiError(400, "continuationToken: further pages are not available.",
                       code="INVALID_CONTINUATION_TOKEN", field="continuationToken")
    return offset
