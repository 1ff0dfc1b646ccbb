//! Standard property tables (r_properties(5), rg_properties(5)) and the lookup that merges a
//! type's paramtable with them.
