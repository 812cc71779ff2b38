import {Box, Text} from 'ink';
import type {HitList} from '../search/search.js';
import {padToWidth} from '../terminal/text-width.js';
import {ListRow} from './list-row.js';
import {theme} from './theme.js';

type ListPaneProps = {
	readonly hits: HitList;
	readonly listTop: number;
	readonly selectedIndex: number;
	readonly rowCount: number;
	readonly columnCount: number;
	readonly isFocused: boolean;
};

/** The headline list: a title row with the position (`3/5`), then only the rows that fit. */
export function ListPane({hits, listTop, selectedIndex, rowCount, columnCount, isFocused}: ListPaneProps) {
	const position = hits.length === 0 ? '0/0' : `${selectedIndex + 1}/${hits.length}`;
	const title = ' Headlines';
	const visibleHits = hits.slice(listTop, listTop + rowCount);
	return (
		<Box flexDirection="column" width={columnCount} height={rowCount + 1}>
			<Text wrap="truncate" {...(isFocused ? theme.paneTitleFocused : theme.paneTitle)}>
				{padToWidth(title, columnCount - position.length - 1) + position + ' '}
			</Text>
			{visibleHits.length === 0 ? <Text {...theme.notice}> No headlines match.</Text> : null}
			{visibleHits.map((hit, offset) => (
				<ListRow
					key={hit.article.id}
					article={hit.article}
					headlineMatches={hit.headlineMatches}
					isSelected={listTop + offset === selectedIndex}
					columnCount={columnCount}
				/>
			))}
		</Box>
	);
}
