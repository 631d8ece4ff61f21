"use client";

import { useState } from "react";

import { namedOptions, SelectField, type Option } from "@/components/ui/form/select-field";
import { SCHOOL_LEVELS } from "@/lib/children/child-labels";

export type SchoolWithLevels = { id: string; name: string; levels: readonly string[] };

/** The level choices for the school chosen: its levels (in the school's order), all of them while no school is chosen. */
export function levelOptions(schools: readonly SchoolWithLevels[], schoolId: string | undefined): Option[] {
  const school = schools.find((entry) => entry.id === schoolId);
  return school ? SCHOOL_LEVELS.filter((level) => school.levels.includes(level.value)) : [...SCHOOL_LEVELS];
}

export const LEVEL_HINT = "Seuls les niveaux proposés par l'école choisie sont listés.";

/**
 * « École » and « Classe (niveau) » for a form without react-hook-form (staff forms): the level
 * select lists the chosen school's levels only (the server checks it again).
 */
export function SchoolLevelFields(props: {
  schools: readonly SchoolWithLevels[];
  schoolLabel: string;
  levelLabel: string;
  defaultSchoolId?: string;
  defaultLevel?: string;
  placeholder: string;
}) {
  const [schoolId, setSchoolId] = useState(props.defaultSchoolId ?? "");
  const levels = levelOptions(props.schools, schoolId);
  const keptLevel = levels.some((level) => level.value === props.defaultLevel) ? props.defaultLevel : "";
  return (
    <>
      <SelectField
        label={props.schoolLabel}
        name="schoolId"
        required
        value={schoolId}
        onChange={setSchoolId}
        placeholder={props.placeholder}
        options={namedOptions(props.schools)}
      />
      <SelectField
        // A new school: its own list of levels, the previous choice kept when it offers it.
        key={schoolId}
        label={props.levelLabel}
        name="schoolLevel"
        required
        defaultValue={keptLevel}
        placeholder={props.placeholder}
        options={levels}
        hint={LEVEL_HINT}
      />
    </>
  );
}
