"""Articles -> coded articles or rejections: one article the coder fails on costs only itself.

Every engine codes through here, so a bug the coder hits on one text (an index past the end of
an odd sentence, say) is stored as that article's rejection, with the error, and the batch goes
on instead of the whole run dying.
"""

from __future__ import annotations

from detente.model import Article, Rejection
from detente.pipeline.coder import CodedArticle, Coder


def code_guarded(coder: Coder, articles: list[Article]) -> list[CodedArticle | Rejection]:
    """Code in one batch (parsing is batched for speed); if that fails, one by one, in order."""
    try:
        return list(coder.code_articles(articles))
    except Exception:  # an article broke the batch: code each alone to find it
        return [_code_one(coder, article) for article in articles]


def _code_one(coder: Coder, article: Article) -> CodedArticle | Rejection:
    try:
        return coder.code_article(article)
    except Exception as exc:
        return Rejection(article.origin or article.id, "code",
                         f"the coder failed on this article ({type(exc).__name__}: {exc}); "
                         "the rest of the batch was coded; please report it with the text")
