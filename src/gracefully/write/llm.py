"""Optional rewrite of a draft in the user's voice by any OpenAI-compatible model.

The template draft is always the fallback: the model's text replaces it only
when the call worked and the text passes the grace check with no block. The
config is passed in from the edge; `openai` is imported only when used, so
the package works without the `llm` extra.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from gracefully.domain import Draft, Severity
from gracefully.write.detectors import GraceContext
from gracefully.write.grace import check

if TYPE_CHECKING:
    from openai import OpenAI


@dataclass(frozen=True, slots=True)
class LlmConfig:
    base_url: str
    model: str
    api_key: str = ""
    timeout: float = 30.0
    temperature: float = 0.4


SYSTEM_PROMPT = """You rewrite short follow-up emails that a job seeker sends after a rejection.
Keep every fact, name, role and company exactly as given; add no new facts or claims.
Keep it under {max_words} words, warm and plain, with a thank-you and at most one ask.
Never argue with the decision, plead, sound bitter, or ask for feedback unless the draft does.
Keep the greeting and the sign-off. Reply with the email body only, no subject, no commentary."""


def client_for(config: LlmConfig, http_client: Any = None) -> OpenAI:
    """An OpenAI-compatible client for `config`; `http_client` is the test seam."""
    from openai import OpenAI

    return OpenAI(
        base_url=config.base_url,
        api_key=config.api_key or "unused",
        timeout=config.timeout,
        max_retries=0,
        http_client=http_client,
    )


def rewrite(
    draft: Draft,
    context: GraceContext,
    config: LlmConfig,
    client: OpenAI | None = None,
    *,
    tone: str = "warm",
) -> Draft:
    """The draft in the user's voice, or the template draft with a note saying why not."""
    try:
        text = _ask(draft, context, config, client, tone)
    except ImportError:
        return _stands(draft, "the openai package is not installed (install gracefully[llm])")
    except Exception as exc:  # a network, API or response-shape error: the template stands
        return _stands(draft, f"the LLM call failed ({type(exc).__name__})")
    if not text:
        return _stands(draft, "the LLM returned no text")
    findings = tuple(check(text, context))
    blocking = sorted({f.code for f in findings if f.severity is Severity.BLOCK})
    if blocking:
        return _stands(draft, f"the LLM text failed the grace check ({', '.join(blocking)})")
    return replace(
        draft,
        body=text + "\n",
        findings=findings,
        template=f"llm:{config.model} from {draft.template}",
        note=f"Rewritten by {config.model}; it passed the grace check.",
    )


def _ask(
    draft: Draft, context: GraceContext, config: LlmConfig, client: OpenAI | None, tone: str
) -> str:
    client = client or client_for(config)
    response = client.chat.completions.create(
        model=config.model,
        temperature=config.temperature,
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT.format(max_words=context.max_words)},
            {"role": "user", "content": f"Tone: {tone}.\n\nDraft:\n{draft.body}"},
        ],
    )
    return (response.choices[0].message.content or "").strip()


def _stands(draft: Draft, why: str) -> Draft:
    return replace(draft, note=f"The template draft stands: {why}.")
