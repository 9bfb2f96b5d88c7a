//! AWS managed cache, origin request and response headers policies. (Stub.)
