package extract

// ModelVersion names the rules, word lists and models Extract applies. Bump
// it with any change that alters what Extract returns for some text: stores
// record it with every article, `newsgraph serve` warns when a store holds
// articles of another version, and `newsgraph reextract` re-runs them.
const ModelVersion = "2026.11.30.treaty-plurals"

// Version is ModelVersion with a suffix for each option that changes what
// the extractor finds, so a store built with the NER tagger off is known to
// differ from one built with it on.
func (x *Extractor) Version() string {
	v := ModelVersion
	if !x.nerOn {
		v += "+no-ner"
	}
	return v
}
