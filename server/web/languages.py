"""Which of the app's languages an answer is written in: the request's own `lang` (the app's choice),
else the first Accept-Language tag whose language the deployment offers, else its first language.
The languages are the string table's (src/core/text/language.hpp)."""

LANGUAGES = ("en", "nl", "de", "fr")


def accept_language(header):
    """The tags of an Accept-Language header, most wanted first ("de-DE,de;q=0.9,en;q=0.8"); q=0 left out."""
    tags = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip()
        if not tag or len(tag) > 35:
            continue
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            tags.append((-q, position, tag))
    return [tag for _, _, tag in sorted(tags)]


def choose_language(offered, lang=None, header=None):
    """The language to answer in: `lang` (the app's choice), else the first Accept-Language tag whose
    language is offered, else the first offered. `offered` is the deployment's list (first is its default)."""
    ours = [code for code in (offered or ["en"]) if code in LANGUAGES] or ["en"]
    wanted = ([lang] if isinstance(lang, str) else []) + accept_language(header)
    for tag in wanted:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in ours:
            return code
    return ours[0]
