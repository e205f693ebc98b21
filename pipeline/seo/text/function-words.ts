/**
 * English function words: words that carry little meaning on their own. Like Yoast's English
 * analysis, keyphrase matching ignores them ("how to choose a linen shirt" → choose, linen, shirt).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those some any each every all both either neither no none such
  i me my mine myself you your yours yourself we us our ours ourselves they them their theirs he him his she
  her hers it its itself one ones who whom whose which what whatever whichever
  and or but nor so yet if then than because while although though unless until since whether as
  of to in on at by for with without from into onto upon about above below over under between among
  through during before after against along around across behind beyond near off out up down via per
  be am is are was were been being do does did done doing have has had having
  can could may might must shall should will would
  not very too also just only even quite rather really much many more most less least few lot lots
  how when where why here there now again ever never always often sometimes
  s t don doesn isn aren wasn weren haven hasn won wouldn can't don't it's you're we're they're i'm`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
