"""Stage 2: from a document's bytes to a clean, dated article (`clean.stage.clean`).

Kept empty so that importing one helper of this stage (the dedup keys the
store uses, say) does not import the whole stage and its HTML extractor.
"""
