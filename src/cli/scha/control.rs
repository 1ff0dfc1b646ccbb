//! scha_control(1HA).
