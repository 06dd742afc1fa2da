/**
 * One person on the staff, as the events read model knows them: by staff number (工号) where the
 * event carries one, by name otherwise. Names alone join two clerks of one name and split one clerk
 * whose name was written two ways. An event without a number never matches one with a number: a
 * name cannot say which numbered clerk it was. The prefixes keep a name that looks like a staff
 * number from matching that number.
 */
export const staffIdentity = "if(actor_staff_no != '', concat('no:', actor_staff_no), concat('name:', actor_name))";

/** The staff member as a reason shows them: the name, with the staff number where there is one. */
export const staffLabel = "if(actor_staff_no != '', concat(actor_name, ' (', actor_staff_no, ')'), actor_name)";
