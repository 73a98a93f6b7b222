export const refsUsage = `Usage: cited-content refs add <doi|pmid|pmcid|isbn> [--to refs.bib|refs.json] [--allow-retracted] [--timeout <seconds>]
       cited-content refs verify <article.md|refs.bib|refs.json|refs.ris> [--timeout <seconds>]

add     looks the work up (Crossref or doi.org for DOIs, PubMed for PMIDs and PMCIDs, Open Library for
        ISBNs) and appends a complete entry to the file, or prints it as YAML for \`references:\`.
verify  checks every DOI and PMID against Crossref and PubMed: title, year and retraction notices.
Exit status: 0 fine, 1 a problem found (not found, mismatch, retracted), 2 usage error,
3 a service could not be asked (offline, timeout, rate limit).`;
