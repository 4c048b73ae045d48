/** The inputs of one run of the open-vocabulary world. */
import type { BusinessCalendar, CalendarDefinition } from '../../clock/calendar.ts';
import type { ActiveFault } from '../../core/faultSet.ts';
import type { LoadedOpenScenario } from '../loaded.ts';

/** What a run is made of; the world keeps a reference to it (`w.setup`), never copies it. */
export interface RunSetup {
  loaded: LoadedOpenScenario;
  /** The persona of this run, every declared trait present (defaults applied by the caller or here). */
  persona: { id: string; traits: Record<string, boolean | number | string>; channels?: string[] };
  /**
   * The fault uses active in this run (core/faultSet.ts shape: params parsed with the
   * definition's schema, window resolved to [from, until), probability, times). `def` is a
   * `VocabularyFaultDefinition` from harness/vocabulary/faults (its `world` hooks are read).
   */
  faults: ActiveFault[];
  /** Seeded draws (fault probabilities) hash this with the fault label and the occurrence id. */
  seedKey: string;
  /** fixtures/calendars registry; the profile's inline `calendars` win (built by the world). */
  calendars: (id: string) => BusinessCalendar;
  /**
   * The file calendars' definitions (harness/clock/calendarFiles.ts loadCalendarDefinitions),
   * needed when an inline calendar `extends` a file calendar (101's chat extends the UK
   * holidays). Without it such an inline calendar cannot be built.
   */
  calendarDefinitions?: (id: string) => CalendarDefinition | undefined;
}
