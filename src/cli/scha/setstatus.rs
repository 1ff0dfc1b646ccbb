//! scha_resource_setstatus(1HA).
