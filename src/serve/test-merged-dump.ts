/**
 * A dump written for the tests of splitting and joining articles: the second report has no headline of its own, so
 * the segmenter may run the first report on into it (the analyst then splits it in the reader).
 */
export const MERGED_DUMP = `Ferry crews end strike in Port Ellis

Ferry crews in Port Ellis ended a four-day strike on Sunday after the harbour authority agreed to new rosters.

"We got what we asked for," union leader Tomas Varga told reporters on Sunday.

The navy of Westmark held drills near Gull Strait on Wednesday, its defence ministry said.

Officials in Ostland condemned the drills and summoned the Westmark ambassador on Thursday.

Source: https://news.example.org/2024/03/07/navy-drills

Quarry workers return after landslide

Quarry workers in Dunmore returned to work on Friday, a week after a landslide closed the site.

Source: https://news.example.org/2024/03/08/quarry-workers-return
`;
