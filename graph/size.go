package graph

// Size returns the bytes the store's LSM tree and value log take on disk,
// as Badger last measured them (it refreshes the figures every minute).
func (s *Store) Size() (lsm, vlog int64) {
	return s.db.Size()
}
