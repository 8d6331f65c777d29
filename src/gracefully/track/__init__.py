"""gracefully.track: link emails to applications, keep contacts, timelines and company identity.

A functional core (see DESIGN.md): domain objects in, domain objects out. The
service builds a `TrackIndex` from the store, calls `link` for each email in
arrival order, and applies what it returns.
"""

from gracefully.track.ats import ats_for_domain, is_ats_domain
from gracefully.track.clues import Clues, CompanyClue, clues_for
from gracefully.track.company import (
    Aliases,
    canonical,
    company_key,
    learn_alias,
    merge_companies,
    split_company,
)
from gracefully.track.contacts import (
    best_contact,
    contacts_for,
    is_no_reply,
    merge_contacts,
    reachable,
    role_from_title,
    writer_of,
)
from gracefully.track.duplicates import MergePlan, Suspect, merge_plan, suspected_duplicates
from gracefully.track.index import Known, TrackIndex
from gracefully.track.link import REVIEW_BELOW, link
from gracefully.track.propose import (
    SHARED_SCOPE,
    aliases_from_link,
    merge_scoped,
    new_application,
    scoped_aliases,
)
from gracefully.track.roles import Mention, RoleMatch, compare_roles, find_role
from gracefully.track.timeline import SILENCE_DAYS, event_for, stage_reached, summarize

__all__ = [
    "REVIEW_BELOW",
    "SHARED_SCOPE",
    "SILENCE_DAYS",
    "Aliases",
    "Clues",
    "CompanyClue",
    "Known",
    "Mention",
    "MergePlan",
    "RoleMatch",
    "Suspect",
    "TrackIndex",
    "aliases_from_link",
    "ats_for_domain",
    "best_contact",
    "canonical",
    "clues_for",
    "company_key",
    "compare_roles",
    "contacts_for",
    "event_for",
    "find_role",
    "is_ats_domain",
    "is_no_reply",
    "learn_alias",
    "link",
    "merge_companies",
    "merge_contacts",
    "merge_plan",
    "merge_scoped",
    "new_application",
    "reachable",
    "role_from_title",
    "scoped_aliases",
    "split_company",
    "stage_reached",
    "summarize",
    "suspected_duplicates",
    "writer_of",
]
