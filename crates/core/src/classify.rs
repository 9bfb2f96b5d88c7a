//! Origin classification by host name. (Stub: to be replaced by the model-builder work.)
