//! Effective forwarding of a behavior: what reaches the origin and what is in the cache key. (Stub.)
