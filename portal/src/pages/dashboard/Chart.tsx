import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';

type ChartInstance = {
  setOption(o: EChartsCoreOption, notMerge?: boolean): void;
  resize(): void;
  dispose(): void;
  on(e: string, h: (p: { dataIndex: number }) => void): void;
};

/**
 * A chart with its figures behind it: ECharts draws on a canvas (loaded on first use), the canvas
 * is one image with a summary for screen readers, and the same figures are a table, visually hidden
 * until someone asks to see it.
 */
export function Chart({
  title,
  alt,
  option,
  height = 320,
  onBarClick,
  table,
  testId,
}: {
  title: string;
  alt: string;
  option: EChartsCoreOption;
  height?: number;
  onBarClick?: (index: number) => void;
  table: { head: string[]; rows: Array<Array<ReactNode>> };
  testId: string;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const click = useRef(onBarClick);
  click.current = onBarClick;
  const [ready, setReady] = useState(false);
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !box.current) return;
      const c = echarts.init(box.current) as unknown as ChartInstance;
      c.on('click', (p) => click.current?.(p.dataIndex));
      chart.current = c;
      observer = new ResizeObserver(() => c.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption({ animation: false, ...option }, true);
  }, [ready, option]);

  return (
    <figure className="dash-chart" data-testid={testId}>
      <figcaption>
        <h2 className="dash-chart-title">{title}</h2>
      </figcaption>
      <div
        role="img"
        aria-label={alt}
        className="dash-chart-canvas no-print"
        style={{ height, cursor: onBarClick ? 'pointer' : undefined }}
      >
        <div ref={box} style={{ width: '100%', height: '100%' }} />
        {!ready && (
          <div role="status" aria-label={t('dash.charts.loadingChart')}>
            <Spin />
          </div>
        )}
      </div>
      <Button
        size="small"
        type="link"
        className="no-print"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((s) => !s)}
      >
        {showTable ? t('dash.charts.hideTable') : t('dash.charts.showTable')}
      </Button>
      <div id={tableId} className={showTable ? 'dash-table-wrap' : 'visually-hidden'}>
        <table className="dash-table" data-testid={`${testId}-table`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.head.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {v}
                    </th>
                  ) : (
                    <td key={j}>{v}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
